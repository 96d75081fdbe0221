import { describe, expect, it } from 'vitest';
import { groupGaps } from '../../../src/admin/gaps/group-gaps.js';
import type { Gap } from '../../../src/storage/types.js';

let seq = 0;
function gap(question: string, topIds: string[] = [], minute = seq): Gap {
  seq += 1;
  return { id: `g${seq}`, question, language: 'vi', reason: 'unanswered', topIds, status: 'open', createdAt: new Date(Date.UTC(2026, 10, 23, 2, minute)) };
}

describe('groupGaps', () => {
  it('puts the same need in one group whatever the diacritics and filler words, largest group first', () => {
    const groups = groupGaps([
      gap('xin giấy xác nhận vay vốn ngân hàng'),
      gap('giay phep nuoi cho'),
      gap('xac nhan vay von ngan hang chinh sach o dau'),
      gap('cho tôi hỏi xác nhận vay vốn làm thế nào'),
    ]);
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0]?.label).toBe('cho tôi hỏi xác nhận vay vốn làm thế nào');
    expect(groups[0]?.gapIds).toHaveLength(3);
    expect(groups[1]?.questions.map((q) => q.question)).toEqual(['giay phep nuoi cho']);
  });

  it('keeps different needs apart even when they share a common word', () => {
    const groups = groupGaps([gap('cấp giấy phép nuôi chó'), gap('cấp giấy phép bán rượu')]);
    expect(groups).toHaveLength(2);
  });

  it('suggests the entries retrieval offered most often, best ranks weighing more', () => {
    const [group] = groupGaps([gap('xác nhận vay vốn', ['a', 'b']), gap('xác nhận vay vốn ngân hàng', ['b', 'a']), gap('vay vốn xác nhận ở đâu', ['b'])]);
    expect(group?.suggestions).toEqual(['b', 'a']);
  });

  it('returns nothing for no gaps', () => {
    expect(groupGaps([])).toEqual([]);
  });
});
