import { expect } from 'vitest';
import type { AnswerFrame } from '../../../src/chat/protocol.js';
import type { ChatClient } from '../../helpers/chat-server.js';
import { buildBirthDossierValues } from '../../helpers/dossier-values.js';

export { buildBirthDossierValues };

/** What a citizen answers, field by field, when the chat pre-fills the same birth registration. */
export const BIRTH_ANSWERS: Record<string, string> = {
  ...buildBirthDossierValues(),
  'nguoi_yeu_cau.loai_giay_to': 'cccd',
  'tre.ngay_sinh': 'ngày 12 tháng 3 năm 2024',
  'tre.gioi_tinh': 'con trai',
};

/** POSTs a birth registration to /api/dossiers. */
export function postBirthDossier(url: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${url}/api/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ formId: 'to-khai-khai-sinh', values: buildBirthDossierValues(), ...extra }),
  });
}

/**
 * Starts the birth-registration form in the client's session and answers every question, up to the summary
 * (stage `review`), which it returns without confirming.
 */
export async function fillBirthFormToReview(client: ChatClient): Promise<AnswerFrame> {
  await client.ask({ type: 'form', formId: 'to-khai-khai-sinh' }, 'answer');
  let frame = await client.ask({ type: 'choice', id: 'form:yes' }, 'answer');
  for (let turn = 0; turn < 60; turn++) {
    expect(frame.kind, frame.text).toBe('form');
    if (frame.form?.stage === 'review') return frame;
    const asking = frame.form?.asking ?? [];
    expect(asking.length, frame.text).toBeGreaterThan(0);
    const reply = asking.map((name) => BIRTH_ANSWERS[name] ?? 'bỏ qua');
    frame = await client.ask({ type: 'message', text: asking.length > 1 && reply.every((r) => r === 'bỏ qua') ? 'bỏ qua' : reply.join('\n') }, 'answer');
  }
  throw new Error('the form dialogue never reached its summary');
}
