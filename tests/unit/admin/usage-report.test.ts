import { describe, expect, it } from 'vitest';
import { diffContent } from '../../../src/admin/knowledge/diff.js';
import { buildUsageReport, daysBetween, usageReportCsv } from '../../../src/admin/stats/usage-report.js';

describe('usage report', () => {
  it('fills days without activity, computes the answer rate and totals', () => {
    const report = buildUsageReport('2026-02-27', '2026-03-01', [
      { day: '2026-02-27', metric: 'question', key: '', count: 4 },
      { day: '2026-02-27', metric: 'answered', key: '', count: 3 },
      { day: '2026-03-01', metric: 'question', key: '', count: 2 },
      { day: '2026-03-01', metric: 'answered', key: '', count: 2 },
      { day: '2026-03-01', metric: 'procedure', key: 'dang-ky-khai-sinh', count: 2 },
      { day: '2026-02-27', metric: 'procedure', key: 'dang-ky-tam-tru', count: 3 },
      { day: '2026-03-01', metric: 'unknown-metric', key: '', count: 9 },
    ]);
    expect(report.days.map((d) => [d.day, d.questions, d.answerRate])).toEqual([
      ['2026-02-27', 4, 0.75],
      ['2026-02-28', 0, 0],
      ['2026-03-01', 2, 1],
    ]);
    expect(report.totals).toMatchObject({ questions: 6, answered: 5, answerRate: 0.833 });
    expect(report.topProcedures).toEqual([{ id: 'dang-ky-tam-tru', count: 3 }, { id: 'dang-ky-khai-sinh', count: 2 }]);
  });

  it('writes CSV with a BOM, Vietnamese headers and CRLF lines', () => {
    const csv = usageReportCsv(buildUsageReport('2026-03-01', '2026-03-01', []));
    expect(csv).toBe('\uFEFFNgày,Câu hỏi,Đã trả lời,Chưa trả lời được,Tỉ lệ trả lời,Chuyển cán bộ,Tờ khai điền sẵn,Hài lòng,Chưa hài lòng\r\n2026-03-01,0,0,0,0,0,0,0,0\r\n');
  });

  it('counts calendar days across month ends and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('diffContent', () => {
  it('names each changed field by dot path', () => {
    const before = { title: { vi: 'A' }, channels: [{ fee: { text: 'Miễn phí' } }], notes: ['x'] };
    const after = { title: { vi: 'B' }, channels: [{ fee: { text: '8.000 đồng' } }], notes: ['x', 'y'] };
    expect(diffContent(before, after)).toEqual([
      { path: 'title.vi', change: 'changed', before: 'A', after: 'B' },
      { path: 'channels.0.fee.text', change: 'changed', before: 'Miễn phí', after: '8.000 đồng' },
      { path: 'notes.1', change: 'added', after: 'y' },
    ]);
    expect(diffContent(after, after)).toEqual([]);
    expect(diffContent(null, { a: 1 })).toEqual([{ path: 'a', change: 'added', after: 1 }]);
  });
});
