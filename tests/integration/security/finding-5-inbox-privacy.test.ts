import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../src/understand/redact.js';
import { buildWorkbench } from '../admin/admin-test-kit.js';
import { post } from './support.js';

// Finding 5: the gaps question was stored unencrypted with names ("Ông Nguyễn Văn …"); "001099012345" became
// "0[số điện thoại]" and "001 099 012 345" became "[số điện thoại] 345".
const QUESTIONS: { text: string; secrets: string[]; placeholder: string }[] = [
  { text: 'Ông Nguyễn Văn Thành hỏi giá vàng hôm nay bao nhiêu', secrets: ['Nguyễn Văn Thành'], placeholder: '[tên]' },
  { text: 'tên tôi là Trần Thị Bích Ngọc, hỏi lịch thi đấu bóng đá', secrets: ['Trần Thị Bích Ngọc'], placeholder: '[tên]' },
  { text: 'số 001099012345 tra cứu điểm thi đại học thế nào', secrets: ['001099012345'], placeholder: '[số giấy tờ]' },
  { text: 'mã 001 099 012 345 tra cứu điểm thi đại học thế nào', secrets: ['001 099 012 345', '012 345'], placeholder: '[số giấy tờ]' },
  { text: 'cmnd cũ 123.456.789 mua vé tàu được không', secrets: ['123.456.789'], placeholder: '[số giấy tờ]' },
  { text: 'gọi 0912 345 678 hoặc hoa.nguyen@example.com báo giá vàng', secrets: ['0912 345 678', 'hoa.nguyen@example.com'], placeholder: '[số điện thoại]' },
  { text: 'nhà tôi ở số 12 ngõ 34 phố Hàng Bạc, hỏi giá vàng', secrets: ['12 ngõ 34', 'Hàng Bạc'], placeholder: '[địa chỉ]' },
];

describe('finding 5: the unanswered-questions inbox keeps no personal data', () => {
  it.each([
    ['001099012345', '[số giấy tờ]'],
    ['001 099 012 345', '[số giấy tờ]'],
    ['001.099.012.345', '[số giấy tờ]'],
    ['123 456 789', '[số giấy tờ]'],
    ['0912345678', '[số điện thoại]'],
    ['+84 912 345 678', '[số điện thoại]'],
    ['(024) 3825 1234', '[số điện thoại]'],
  ])('redacts "%s" whole, as %s', (value, label) => {
    expect(redactPersonalData(`số của tôi là ${value} nhé`)).toBe(`số của tôi là ${label} nhé`);
  });

  it.each([
    ['Ông Nguyễn Văn An hỏi nuôi chó', 'Ông [tên] hỏi nuôi chó'],
    ['bà trần thị bình muốn hỏi', 'bà [tên] muốn hỏi'],
    ['chị Lan hỏi', 'chị [tên] hỏi'],
    ['tên là minh anh nhé', 'tên là [tên] nhé'],
    ['tên con tôi là Nguyễn Minh Khôi', 'tên con tôi là [tên]'],
    ['họ tên: Lê Văn Tám', 'họ tên: [tên]'],
    ['tôi ở 25/3 Nguyễn Trãi, Quận 1 thì làm ở đâu', 'tôi ở [địa chỉ] thì làm ở đâu'],
    ['email hoa@example.com', 'email [email]'],
  ])('redacts "%s"', (text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it.each(['bà con cho hỏi làm sổ đỏ', 'anh chị cho hỏi lệ phí 50.000 đồng', 'lệ phí 150.000.000 đồng à', 'khai sinh cho con trai 3 tuổi', 'mẫu CT01 ở đâu'])('keeps "%s" as it is', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it('stores the questions redacted and sealed: officials read them, the database files hold none of the values', async () => {
    const { app, dataDir, editor } = await buildWorkbench();
    for (const { text } of QUESTIONS) expect((await post(app, '/api/chat', { frame: { type: 'message', text } })).status).toBe(200);

    const { gaps } = await editor.json<{ gaps: { question: string }[] }>('GET', '/gaps');
    const inbox = gaps.map((g) => g.question).join('\n');
    for (const { secrets, placeholder } of QUESTIONS) {
      for (const secret of secrets) expect(inbox).not.toContain(secret);
      expect(inbox).toContain(placeholder);
    }
    expect(gaps.length).toBeGreaterThanOrEqual(QUESTIONS.length);
    expect(inbox).toContain('giá vàng');

    const files = ['ward.db', 'ward.db-wal'].map((f) => path.join(dataDir, f)).filter((f) => existsSync(f));
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    // Positive control: plain columns are visible to the scan (the gaps' reasons).
    expect(bytes.includes(Buffer.from('out-of-scope'))).toBe(true);
    for (const needle of ['giá vàng', '[tên]', 'Nguyễn Văn Thành', 'Trần Thị Bích Ngọc', '001099012345', 'hoa.nguyen@example.com', 'Hàng Bạc']) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
  });
});
