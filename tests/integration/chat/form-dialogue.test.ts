import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerFrame } from '../../../src/chat/protocol.js';
import { ChatClient, startChatServer, type TestChatServer } from '../../helpers/chat-server.js';

let server: TestChatServer;
beforeAll(async () => {
  // A citizen filling a form sends many short answers; the per-connection limit is not what is tested here.
  server = await startChatServer({ messagesPerMinute: 500 });
});
afterAll(async () => {
  await server.close();
});

/** Answers whatever the dialogue asks from a table of answers by field name, until the summary; then confirms. */
async function fillForm(client: ChatClient, first: AnswerFrame, answers: Record<string, string>): Promise<AnswerFrame> {
  let frame = first;
  for (let turn = 0; turn < 60; turn++) {
    expect(frame.kind, frame.text).toBe('form');
    if (frame.dossier) return frame;
    // The summary, and the questions that wait for a yes (reuse of the requester's details, a year, marks).
    if (frame.form?.stage === 'review' || frame.form?.stage === 'confirm') {
      frame = await client.ask({ type: 'message', text: 'đúng rồi' }, 'answer');
      continue;
    }
    const asking = frame.form?.asking ?? [];
    expect(asking.length, frame.text).toBeGreaterThan(0);
    const reply = asking.map((name) => answers[name] ?? 'bỏ qua');
    frame = await client.ask({ type: 'message', text: asking.length > 1 && reply.every((r) => r === 'bỏ qua') ? 'bỏ qua' : reply.join('\n') }, 'answer');
  }
  throw new Error('the dialogue did not end');
}

const birthAnswers: Record<string, string> = {
  kinh_gui: 'Ủy ban nhân dân phường Cửa Nam',
  'nguoi_yeu_cau.ho_ten': 'tôi tên là nguyễn văn  an',
  'nguoi_yeu_cau.noi_cu_tru': 'Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội',
  'nguoi_yeu_cau.loai_giay_to': 'cccd',
  'nguoi_yeu_cau.so_dinh_danh': '001 090 012 345',
  'nguoi_yeu_cau.ngay_cap': '10/5/2021',
  'nguoi_yeu_cau.noi_cap': 'Cục Cảnh sát QLHC về TTXH',
  'nguoi_yeu_cau.quan_he': 'Cha',
  'tre.ho_ten': 'nguyễn minh khôi',
  'tre.ngay_sinh': 'ngày 12 tháng 3 năm 2024',
  'tre.noi_sinh': 'Bệnh viện Phụ sản Hà Nội',
  'tre.gioi_tinh': 'con trai',
  'tre.dan_toc': 'Kinh',
  'tre.quoc_tich': 'Việt Nam',
  'tre.que_quan': 'Nam Định',
  'me.ho_ten': 'trần thị bình',
  'me.nam_sinh': '1992',
  'me.dan_toc': 'Kinh',
  'me.quoc_tich': 'Việt Nam',
  'me.noi_cu_tru': 'Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội',
  // The requester is the father ("Cha"): his name and residence are reused for a yes, the rest is asked.
  'cha.nam_sinh': '1990',
  'cha.dan_toc': 'Kinh',
  'cha.quoc_tich': 'Việt Nam',
};

describe('pre-filling over the chat', () => {
  it('fills a birth registration from "tôi muốn làm khai sinh cho con" to a stored, printable dossier', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const { sessionId } = await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    const answer = await client.ask({ type: 'message', text: 'tôi muốn làm khai sinh cho con' }, 'answer');
    expect(answer.entryId).toBe('dang-ky-khai-sinh');
    expect(answer.choices?.some((c) => c.id === 'form:start:to-khai-khai-sinh')).toBe(true);

    const consent = await client.ask({ type: 'message', text: 'có' }, 'answer');
    expect(consent.kind).toBe('form');
    expect(consent.text).toMatch(/đồng ý/i);
    expect(consent.text).toMatch(/xóa sau/);
    expect(consent.form?.asking).toEqual([]);

    const firstQuestion = await client.ask({ type: 'choice', id: 'form:yes' }, 'answer');
    const done = await fillForm(client, firstQuestion, birthAnswers);
    expect(done.dossier?.reference).toMatch(/^HS-/);

    const stored = await server.storage.dossiers.getByReference(done.dossier!.reference);
    expect(stored).toMatchObject({ formId: 'to-khai-khai-sinh', sessionId });
    expect(stored?.values).toMatchObject({
      'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An',
      'nguoi_yeu_cau.so_dinh_danh': '001090012345',
      'tre.ho_ten': 'Nguyễn Minh Khôi',
      'tre.ngay_sinh': '2024-03-12',
      'tre.gioi_tinh': 'nam',
    });

    const page = await fetch(`${server.url}${done.dossier!.printUrl}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of ['TỜ KHAI', 'Nguyễn Minh Khôi', '12/03/2024', done.dossier!.reference, '<svg']) expect(html).toContain(text);

    expect(stored?.values).toMatchObject({ 'cha.ho_ten': 'Nguyễn Văn An', 'cha.nam_sinh': '1990' });
    // The link names one dossier with a short-lived token, never the session.
    expect(done.dossier!.printUrl).not.toContain(sessionId);
    expect(page.headers.get('cache-control')).toBe('no-store');

    // Once the kiosk session ends, the citizen's copy is gone: a friendly page, never JSON.
    await client.ask({ type: 'end' }, 'ended');
    const gone = await fetch(`${server.url}${done.dossier!.printUrl}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toMatch(/text\/html/);
    expect(await gone.text()).toContain('hết hạn');
    client.close();
  });

  it('fills a CT01 with the ID card QR, a correction and a skipped field', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    const consent = await client.ask({ type: 'form', formId: 'ct01-thay-doi-cu-tru' }, 'answer');
    expect(consent.kind).toBe('form');
    let frame = await client.ask({ type: 'message', text: 'đồng ý' }, 'answer');

    const qr = await client.ask({ type: 'message', text: '001090012345|123456789|Lê Thị Mai|15081990|Nữ|Số 1 Tràng Tiền, Hà Nội|20042021\n' }, 'answer');
    expect(qr.text).toContain('Lê Thị Mai');
    // The card fills the declarant in one step; the summary is where it is confirmed.
    frame = qr;
    expect(frame.form?.values).toMatchObject({ 'nguoi_yeu_cau.ho_ten': 'Lê Thị Mai', 'nguoi_yeu_cau.so_dinh_danh': '001090012345', 'nguoi_yeu_cau.ngay_sinh': '1990-08-15', 'nguoi_yeu_cau.gioi_tinh': 'nu' });

    const answers: Record<string, string> = {
      kinh_gui: 'Công an phường Cửa Nam',
      'nguoi_yeu_cau.dien_thoai': '0912 345 678',
      'chu_ho.ho_ten': 'lê văn hùng',
      'nguoi_yeu_cau.quan_he_chu_ho': 'Con',
      'chu_ho.so_dinh_danh': '001060012345',
      'noi_dung_de_nghi': 'Đăng ký thường trú vào hộ gia đình ông Lê Văn Hùng',
    };
    frame = await client.ask({ type: 'message', text: 'sửa ngày sinh thành 16/8/1990' }, 'answer');
    expect(frame.form?.values['nguoi_yeu_cau.ngay_sinh']).toBe('1990-08-16');
    const done = await fillForm(client, frame, answers);
    const stored = await server.storage.dossiers.getByReference(done.dossier!.reference);
    expect(stored?.values).toMatchObject({ 'chu_ho.ho_ten': 'Lê Văn Hùng', 'nguoi_yeu_cau.dien_thoai': '0912345678', 'nguoi_yeu_cau.ngay_sinh': '1990-08-16' });
    expect(stored?.values['nguoi_yeu_cau.email']).toBeUndefined();
    client.close();
  });

  it('rejects a malformed QR string clearly and lets the citizen cancel, forgetting what was typed', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    await client.ask({ type: 'form', formId: 'to-khai-khai-tu' }, 'answer');
    await client.ask({ type: 'message', text: 'đồng ý' }, 'answer');
    const bad = await client.ask({ type: 'message', text: '00109001|abc|Lê Thị Mai|99999999|Nữ' }, 'answer');
    expect(bad.kind).toBe('form');
    const cancelled = await client.ask({ type: 'message', text: 'hủy' }, 'answer');
    expect(cancelled.form).toBeUndefined();
    expect(cancelled.text).toMatch(/hủy/i);
    const next = await client.ask({ type: 'message', text: 'đăng ký kết hôn cần gì' }, 'answer');
    expect(next.kind).toBe('answer');
    client.close();
  });

  it('keeps the form in the language it started in; only the language button switches it', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    await client.ask({ type: 'form', formId: 'to-khai-khai-sinh' }, 'answer');
    await client.ask({ type: 'message', text: 'đồng ý' }, 'answer');
    const english = await client.ask({ type: 'message', text: 'Nguyen Van An, 001090012345, grandfather, Block A, Sunrise City, District 7' }, 'answer');
    expect(english.language).toBe('vi');
    expect(english.text).not.toMatch(/What is|Where do you/);
    const switched = await client.ask({ type: 'language', language: 'en' }, 'answer');
    expect(switched.language).toBe('en');
    expect(switched.form?.formId).toBe('to-khai-khai-sinh');
    expect(switched.text).toMatch(/[A-Za-z]+ .*\?/);
    expect(switched.text).not.toMatch(/Bạn|anh\/chị/);
    client.close();
  });

  it('refuses personal questions without consent', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    await client.ask({ type: 'form', formId: 'to-khai-ket-hon' }, 'answer');
    const refused = await client.ask({ type: 'message', text: 'không' }, 'answer');
    expect(refused.form).toBeUndefined();
    client.close();
  });
});

describe('forms and dossiers over HTTP', () => {
  it('lists the five forms with the documented field shape (docs/protocol.md)', async () => {
    const body = (await (await fetch(`${server.url}/api/forms`)).json()) as { forms: { id: string; procedureIds: string[]; fields: { name: string; label: { vi: string; en: string }; type: string; required: boolean }[] }[] };
    expect(body.forms.map((f) => f.id).sort()).toEqual(['ct01-thay-doi-cu-tru', 'to-khai-cap-ban-sao-trich-luc', 'to-khai-ket-hon', 'to-khai-khai-sinh', 'to-khai-khai-tu']);
    for (const form of body.forms) {
      for (const field of form.fields) expect(field).toMatchObject({ name: expect.any(String), label: { vi: expect.any(String), en: expect.any(String) }, type: expect.any(String), required: expect.any(Boolean) });
    }
  });

  it('stores a valid dossier (201) and names every invalid or missing field (422)', async () => {
    const values = { ...Object.fromEntries(Object.entries(birthAnswers).filter(([k]) => !k.includes('loai_giay_to'))) };
    values['nguoi_yeu_cau.ho_ten'] = 'Nguyễn Văn An';
    values['tre.ngay_sinh'] = '12/03/2024';
    values['tre.gioi_tinh'] = 'nam';
    values['nguoi_yeu_cau.so_dinh_danh'] = '001090012345';
    values['nguoi_yeu_cau.ngay_cap'] = '10/05/2021';
    values['cha.ho_ten'] = 'Nguyễn Văn An';
    values['cha.noi_cu_tru'] = 'Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội';
    const ok = await fetch(`${server.url}/api/dossiers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ formId: 'to-khai-khai-sinh', values }) });
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect(((await ok.json()) as { reference: string }).reference).toMatch(/^HS-/);

    const bad = await fetch(`${server.url}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ formId: 'to-khai-khai-sinh', values: { ...values, 'tre.ngay_sinh': '12/03/2099', 'nguoi_yeu_cau.so_dinh_danh': '12345', 'tre.ho_ten': undefined } }),
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string }; errors: { field: string; message: string }[] };
    expect(body.error.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['tre.ngay_sinh', 'nguoi_yeu_cau.so_dinh_danh', 'tre.ho_ten']));
  });

  it('keeps personal values out of the database files', async () => {
    for (const file of ['ward.db', 'ward.db-wal']) {
      const bytes = await readFile(path.join(server.dataDir, file)).catch(() => Buffer.alloc(0));
      for (const secret of ['Nguyễn Minh Khôi', 'Lê Thị Mai', '001090012345', 'Hàng Bài']) expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
    }
  });
});
