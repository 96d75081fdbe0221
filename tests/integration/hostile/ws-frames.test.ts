import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientFrameSchema, type ServerFrame } from '../../../src/chat/protocol.js';
import { startChatServer, type TestChatServer } from '../../helpers/chat-server.js';
import { hugeString, nearValidFrame, socketPayload, validHostileFrame } from './arbitraries.js';
import { SocketProbe } from './socket-probe.js';

// docs/protocol.md, plus the engine's own typed refusals (an unknown form, a failed validation).
const STABLE_CODES = new Set([
  'invalid_json',
  'invalid_frame',
  'frame_too_large',
  'binary_not_supported',
  'session_not_found',
  'session_ended',
  'no_topic',
  'unknown_procedure',
  'unknown_form',
  'not_found',
  'validation_failed',
]);
const REPLY_TYPES = new Set<ServerFrame['type']>(['session', 'typing', 'answer', 'ticket', 'feedback_ack', 'ended', 'pong', 'error']);

let server: TestChatServer;
beforeAll(async () => {
  // Rate limits are tested elsewhere; here every frame must reach the parser and the engine.
  server = await startChatServer({ messagesPerMinute: 100_000, messagesPerMinutePerAddress: 100_000 });
});
afterAll(async () => {
  await server.close();
});

/** How many pongs the payload itself asks for (a valid ping frame answers one more). */
function pongsFor(payload: string | Uint8Array): number {
  if (typeof payload !== 'string' || Buffer.byteLength(payload) > 8 * 1024) return 1;
  try {
    return ClientFrameSchema.safeParse(JSON.parse(payload)).data?.type === 'ping' ? 2 : 1;
  } catch {
    return 1;
  }
}

/** Every reply is a known frame; every error carries a stable code and a message, never `internal_error`. */
function expectTypedReplies(frames: ServerFrame[], payload: unknown): void {
  for (const frame of frames) {
    expect(REPLY_TYPES.has(frame.type), `unexpected ${frame.type} after ${JSON.stringify(payload).slice(0, 300)}`).toBe(true);
    if (frame.type === 'error') {
      expect(STABLE_CODES.has(frame.code), `code ${frame.code} after ${JSON.stringify(payload).slice(0, 300)}`).toBe(true);
      expect(frame.message.length).toBeGreaterThan(0);
    }
  }
}

async function expectStillAnswers(probe: SocketProbe): Promise<void> {
  // Hostile frames may have started a form; whatever stage it reached, "hủy" leaves it.
  await probe.exchange(JSON.stringify({ type: 'message', text: 'hủy' }));
  const frames = await probe.exchange(JSON.stringify({ type: 'message', text: 'đăng ký kết hôn cần giấy tờ gì' }));
  const answer = frames.find((f): f is Extract<ServerFrame, { type: 'answer' }> => f.type === 'answer');
  expect(answer?.entryId).toBe('dang-ky-ket-hon');
}

describe('/ws/chat under hostile frames', { timeout: 120_000 }, () => {
  it('answers any text, JSON, near-valid or binary frame with replies or a typed error, and stays usable', async () => {
    const probe = await SocketProbe.connect(server.wsUrl);
    await fc.assert(
      fc.asyncProperty(socketPayload, async (payload) => {
        const frames = await probe.exchange(payload, pongsFor(payload));
        expectTypedReplies(frames, payload);
        if (typeof payload !== 'string') expect(frames).toEqual([expect.objectContaining({ type: 'error', code: 'binary_not_supported' })]);
      }),
      { numRuns: 200 },
    );
    await expectStillAnswers(probe);
    expect(probe.closeInfo).toBeUndefined();
    probe.close();
  });

  it('refuses every invalid near-valid frame with invalid_frame naming a field', async () => {
    const probe = await SocketProbe.connect(server.wsUrl);
    await fc.assert(
      fc.asyncProperty(nearValidFrame, async (frame) => {
        const text = JSON.stringify(frame);
        const frames = await probe.exchange(text, pongsFor(text));
        expectTypedReplies(frames, frame);
        if (Buffer.byteLength(text) <= 8 * 1024 && !ClientFrameSchema.safeParse(frame).success) {
          expect(frames).toHaveLength(1);
          expect(frames[0]).toMatchObject({ type: 'error', code: 'invalid_frame', errors: expect.arrayContaining([expect.objectContaining({ field: expect.any(String) })]) });
        }
      }),
      { numRuns: 150 },
    );
    await expectStillAnswers(probe);
    probe.close();
  });

  it('carries any sequence of valid frames with hostile content through the engine and the form dialogue', async () => {
    const forms = fc.constantFrom('to-khai-khai-sinh', 'ct01-thay-doi-cu-tru', 'to-khai-khai-tu', 'to-khai-ket-hon', 'to-khai-cap-ban-sao-trich-luc');
    await fc.assert(
      fc.asyncProperty(fc.option(forms, { nil: undefined }), fc.array(validHostileFrame, { minLength: 1, maxLength: 8 }), async (formId, frames) => {
        const probe = await SocketProbe.connect(server.wsUrl);
        try {
          // Half the runs start inside a form, past the consent, so the hostile answers go to the dialogue.
          const opening = formId ? [{ type: 'form', formId }, { type: 'message', text: 'đồng ý' }] : [];
          for (const frame of [...opening, ...frames]) {
            const text = JSON.stringify(frame);
            expectTypedReplies(await probe.exchange(text, pongsFor(text)), frame);
          }
          await expectStillAnswers(probe);
        } finally {
          probe.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers frames over 8 KB with frame_too_large, whatever they hold', async () => {
    const probe = await SocketProbe.connect(server.wsUrl);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hugeString, hugeString.map((text) => JSON.stringify({ type: 'message', text }))), async (payload) => {
        const frames = await probe.exchange(payload);
        expect(frames).toEqual([expect.objectContaining({ type: 'error', code: 'frame_too_large' })]);
      }),
      { numRuns: 30 },
    );
    await expectStillAnswers(probe);
    probe.close();
  });
});
