import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import type { AnswerFrame } from '../../../src/chat/protocol.js';
import { attachChatSocket } from '../../../src/server/ws/chat-socket.js';
import { buildChatApp, ChatClient } from '../../helpers/chat-server.js';
import { buildCapturingLogger } from '../../helpers/logger.js';

// The personal values of one family, typed, scanned and posted below; none may reach a log line.
const QR = '001090012345|012345678|Nguyễn Văn An|12031990|Nam|Số 5 phố Hàng Bài, Hà Nội|10052021';
const ANSWERS: Record<string, string> = {
  kinh_gui: 'Ủy ban nhân dân phường Cửa Nam',
  'nguoi_yeu_cau.noi_cap': 'Cục Cảnh sát QLHC về TTXH',
  'nguoi_yeu_cau.quan_he': 'Cha',
  'nguoi_yeu_cau.dien_thoai': '0912 345 678',
  'tre.ho_ten': 'nguyễn minh khôi',
  'tre.ngay_sinh': 'ngày 12 tháng 3 năm 2024',
  'tre.noi_sinh': 'Bệnh viện Phụ sản Hà Nội',
  'tre.gioi_tinh': 'con trai',
  'tre.dan_toc': 'Kinh',
  'tre.quoc_tich': 'Việt Nam',
  'tre.que_quan': 'Xã Giao Thủy, Nam Định',
  'me.ho_ten': 'trần thị bình',
  'me.nam_sinh': '1992',
  'me.dan_toc': 'Kinh',
  'me.quoc_tich': 'Việt Nam',
  'me.noi_cu_tru': 'Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội',
  'cha.nam_sinh': '1990',
  'cha.dan_toc': 'Kinh',
  'cha.quoc_tich': 'Việt Nam',
};
const SECRETS = [
  'Nguyễn Văn An', 'nguyen van an', '001090012345', '001 090 012 345', '012345678', '12031990', '10052021', 'Hàng Bài',
  'Nguyễn Minh Khôi', 'nguyễn minh khôi', 'nguyen minh khoi', '12 tháng 3', '2024-03-12', '12/03/2024', 'Trần Thị Bình',
  'trần thị bình', '0912 345 678', '0912345678', '0987654321', 'Lê Thị Mai', 'Giao Thủy', 'Phụ sản', 'thiếu thông tin về con tôi',
  'lấy chồng', 'thời tiết', 'giấy khai sinh',
];

/** The real app and chat socket on port 0, logging at trace level into memory. */
async function startLoggedServer() {
  const { logger, lines } = buildCapturingLogger('trace');
  const { app, engine, storage } = await buildChatApp({ logger });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  const socket = attachChatSocket(server, { engine, logger, trustProxy: false, messagesPerMinute: 1000 });
  const { port } = server.address() as AddressInfo;
  return {
    lines,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/chat`,
    async close() {
      await socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}

/** Answers what the dialogue asks from the table (skipping the rest) up to the summary, then confirms. */
async function fillForm(client: ChatClient, first: AnswerFrame): Promise<AnswerFrame> {
  let frame = first;
  for (let turn = 0; turn < 60; turn++) {
    if (frame.dossier) return frame;
    // The summary, and the questions that wait for a yes (reuse of the requester's details, a year, marks).
    if (frame.form?.stage === 'review' || frame.form?.stage === 'confirm') {
      frame = await client.ask({ type: 'message', text: 'đúng rồi' }, 'answer');
      continue;
    }
    const asking = frame.form?.asking ?? [];
    expect(asking.length, frame.text).toBeGreaterThan(0);
    const reply = asking.map((name) => ANSWERS[name] ?? 'bỏ qua');
    frame = await client.ask({ type: 'message', text: asking.length > 1 && reply.every((r) => r === 'bỏ qua') ? 'bỏ qua' : reply.join('\n') }, 'answer');
  }
  throw new Error('the dialogue did not end');
}

describe('logs at trace level', () => {
  it('hold no personal value from a whole conversation, a QR scan, a form pre-fill, its print page and its errors', { timeout: 60_000 }, async () => {
    const server = await startLoggedServer();
    try {
      const client = await ChatClient.connect(server.wsUrl);
      const { sessionId } = await client.ask({ type: 'hello', channel: 'kiosk', language: 'vi' }, 'session');

      // A conversation: a question with personal data, a follow-up, an out-of-scope question, a clarification,
      // feedback with a comment, and a hand-over.
      const first = await client.ask({ type: 'message', text: 'Tôi là Nguyễn Văn An, CCCD 001090012345, sđt 0987654321, muốn làm giấy khai sinh cho con' }, 'answer');
      await client.ask({ type: 'message', text: 'còn lệ phí thì sao?' }, 'answer');
      await client.ask({ type: 'message', text: 'thời tiết mai thế nào, tôi là Lê Thị Mai' }, 'answer');
      await client.ask({ type: 'message', text: 'lấy chồng' }, 'answer');
      await client.ask({ type: 'feedback', messageId: first.messageId, rating: 'down', comment: 'thiếu thông tin về con tôi Nguyễn Minh Khôi' }, 'feedback_ack');
      await client.ask({ type: 'handover' }, 'ticket');
      // Refused frames that carry personal data.
      await client.ask({ type: 'message', text: 'Trần Thị Bình 0912345678', extra: '001090012345' }, 'error');
      await client.ask('{"type":"message","text":"Nguyễn Văn An 001090012345"', 'error');

      // The birth registration: consent, the father's ID card scanned, every answer typed, the summary confirmed.
      await client.ask({ type: 'form', formId: 'to-khai-khai-sinh' }, 'answer');
      await client.ask({ type: 'message', text: 'đồng ý' }, 'answer');
      const scanned = await client.ask({ type: 'message', text: `${QR}\n` }, 'answer');
      // The card fills the requester in one step.
      expect(scanned.form?.values['nguoi_yeu_cau.so_dinh_danh']).toBe('001090012345');
      const corrected = await client.ask({ type: 'message', text: 'sửa ngày sinh thành 12/3/2024' }, 'answer');
      const done = await fillForm(client, corrected);
      expect(done.dossier?.reference).toMatch(/^HS-/);
      expect((await fetch(`${server.url}${done.dossier!.printUrl}`)).status).toBe(200);
      client.close();

      // The same family over HTTP: a dossier refused (422) and one stored, a search, a wrong print URL.
      const post = (url: string, body: unknown) => fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const refused = await post('/api/dossiers', { formId: 'to-khai-khai-sinh', values: { 'tre.ho_ten': 'Nguyễn Minh Khôi', 'tre.ngay_sinh': '12/03/2099', 'nguoi_yeu_cau.so_dinh_danh': '001 090 012 345' } });
      expect(refused.status).toBe(422);
      const chat = await post('/api/chat', { sessionId, frame: { type: 'message', text: 'Trần Thị Bình, 0912 345 678, 12/03/2024' } });
      expect(chat.status).toBeLessThan(500);
      await fetch(`${server.url}/api/search?q=${encodeURIComponent('Nguyễn Minh Khôi 001090012345 giấy khai sinh')}`);
      expect((await fetch(`${server.url}/api/dossiers/print?token=HS-AAA-BBB-CCC.1999999999.001090012345001090AB`)).status).toBe(410);
    } finally {
      await server.close();
    }

    const lines = server.lines();
    expect(lines.length).toBeGreaterThan(5);
    const logged = lines.join('\n');
    for (const secret of SECRETS) expect(logged, `"${secret}" was logged`).not.toContain(secret);
    // Nor in JSON-escaped form (pino escapes non-ASCII only when asked to, but a serializer might).
    for (const secret of SECRETS) expect(logged).not.toContain(JSON.stringify(secret).slice(1, -1));
  });
});
