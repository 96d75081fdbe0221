import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntrySchema } from '../../../src/knowledge/schema.js';
import { ChatClient, loadCuratedEntries, startChatServer, type TestChatServer } from '../../helpers/chat-server.js';
import { buildCatalogueEntry } from '../../helpers/knowledge.js';

let server: TestChatServer;
beforeAll(async () => {
  // The curated entries and one record no curated entry covers, to be answered from its official text.
  const passport = EntrySchema.parse(buildCatalogueEntry('2.000003', {
    title: { vi: 'Cấp hộ chiếu phổ thông' },
    levels: ['tỉnh'],
    steps: ['Nộp tờ khai đề nghị cấp hộ chiếu tại Phòng Quản lý xuất nhập cảnh Công an tỉnh.'],
  }));
  server = await startChatServer({ entries: [...(await loadCuratedEntries()), passport] });
});
afterAll(async () => {
  await server.close();
});

async function openEnglishSession(): Promise<ChatClient> {
  const client = await ChatClient.connect(server.wsUrl);
  await client.ask({ type: 'hello', language: 'en', channel: 'kiosk' }, 'session');
  return client;
}

describe('/ws/chat in English', () => {
  it('answers from the curated English texts, says they await review, and gives the legal deadline on the time follow-up', async () => {
    const client = await openEnglishSession();
    const steps = await client.ask({ type: 'message', text: 'What are the steps to register a birth?' }, 'answer');
    expect(steps).toMatchObject({ kind: 'answer', entryId: 'dang-ky-khai-sinh', language: 'en' });
    expect(steps.text).toContain('Prepare the form and the hospital birth certificate');
    expect(steps.text).toContain('awaits review by a ward official');
    expect(steps.text).not.toContain('Chuẩn bị tờ khai');

    const time = await client.ask({ type: 'followup', aspect: 'time' }, 'answer');
    expect(time.entryId).toBe('dang-ky-khai-sinh');
    expect(time.text).toContain('Within 60 days of the birth, the father or mother must register');
    expect(time.text).toContain('(Luật Hộ tịch 60/2014/QH13, Điều 15 khoản 1)');
    expect(time.citations[0]).toMatchObject({ id: 'dang-ky-khai-sinh', codes: ['1.001193'] });
    client.close();
  });

  it('says a catalogue-only answer is the official Vietnamese text, with the official link', async () => {
    const client = await openEnglishSession();
    const answer = await client.ask({ type: 'message', text: 'cấp hộ chiếu phổ thông các bước' }, 'answer');
    expect(answer.entryId).toBe('dvc-2.000003');
    // Asked by its Vietnamese name, the answer was in Vietnamese; the kiosk's language button switches the session
    // (outside a form it sends no reply of its own).
    client.send({ type: 'language', language: 'en' });
    const steps = await client.ask({ type: 'followup', aspect: 'steps' }, 'answer');
    expect(steps.language).toBe('en');
    expect(steps.text).toContain('1. Nộp tờ khai đề nghị cấp hộ chiếu');
    expect(steps.text).toContain('official Vietnamese text of the record (no English translation has been made). Official page: https://dichvucong.gov.vn/');
    client.close();
  });
});
