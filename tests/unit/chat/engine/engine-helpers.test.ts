import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../../../src/chat/engine/chat-engine.js';
import { redactPersonalData } from '../../../../src/understand/redact.js';
import { detectSmalltalk, replyToSmalltalk } from '../../../../src/chat/engine/smalltalk.js';

describe('redactPersonalData', () => {
  it.each([
    ['tôi là Hoa, CCCD 079123456789, muốn làm khai sinh', '079123456789'],
    ['số cmnd cũ 123456789', '123456789'],
    ['gọi tôi 0912 345 678 nhé', '0912 345 678'],
    ['email hoa.nguyen@example.com', 'hoa.nguyen@example.com'],
    ['sinh ngày 12/03/1950', '12/03/1950'],
    ['079123456789|123456789|Nguyễn Thị Hoa|12031950|Nữ|Hà Nội|01012022', 'Nguyễn Thị Hoa'],
  ])('removes personal values from "%s"', (text, secret) => {
    const redacted = redactPersonalData(text);
    expect(redacted).not.toContain(secret);
  });

  it('keeps the question itself', () => {
    expect(redactPersonalData('làm sổ đỏ lần đầu cần gì')).toBe('làm sổ đỏ lần đầu cần gì');
  });
});

describe('detectSmalltalk', () => {
  it.each([
    ['Xin chào', 'greeting'],
    ['chao ban', 'greeting'],
    ['hello', 'greeting'],
    ['cảm ơn nhiều', 'thanks'],
    ['thank you', 'thanks'],
    ['tạm biệt', 'bye'],
    ['bạn là ai', 'help'],
  ] as const)('recognises "%s" as %s', (text, kind) => {
    expect(detectSmalltalk(text)).toBe(kind);
    expect(replyToSmalltalk(kind, 'vi').length).toBeGreaterThan(5);
  });

  it('does not mistake a question for small talk', () => {
    expect(detectSmalltalk('chào bạn, cho hỏi làm khai sinh cần gì')).toBeUndefined();
    expect(detectSmalltalk('cảm ơn, còn lệ phí thì sao')).toBeUndefined();
  });
});

describe('matchChoice', () => {
  const choices = [
    { id: 'chung-thuc-ban-sao', label: 'Chứng thực bản sao từ bản chính' },
    { id: 'chung-thuc-chu-ky', label: 'Chứng thực chữ ký' },
  ];
  it('picks a choice by its number or its name', () => {
    expect(matchChoice('2', choices)).toBe('chung-thuc-chu-ky');
    expect(matchChoice('chọn 1', choices)).toBe('chung-thuc-ban-sao');
    expect(matchChoice('chung thuc chu ky', choices)).toBe('chung-thuc-chu-ky');
  });
  it('ignores anything else', () => {
    expect(matchChoice('3', choices)).toBeUndefined();
    expect(matchChoice('lệ phí bao nhiêu', choices)).toBeUndefined();
  });
});
