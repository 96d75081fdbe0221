import fc from 'fast-check';
import type { z } from 'zod';
import { ClientFrameSchema } from '../../../src/chat/protocol.js';

/** Markup and control characters that have broken parsers and renderers elsewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '../../etc/passwd',
  '%00',
  '{"type":"ping"}',
  '__proto__',
  'constructor',
  '0'.repeat(12),
  '001090012345|012345678|A|12031990|Nam|B|10052021',
  'ngày 31 tháng 2 năm 2024',
  '9'.repeat(400),
];

/** Any value a careless or hostile client may put in a JSON field: wrong types, nesting, huge and nasty strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 3 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 2 },
  { arbitrary: fc.constantFrom('vi', 'en', 'kiosk', 'widget', 'http', 'up', 'down', 'documents', 'fee', 'dang-ky-khai-sinh', 'to-khai-khai-sinh'), weight: 2 },
  { arbitrary: fc.string({ minLength: 900, maxLength: 1100 }), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 1 },
);

/** A huge string, over the socket's 8 KB frame limit once sent. */
export const hugeString = fc.string({ minLength: 8200, maxLength: 12_000, unit: 'grapheme-ascii' });

type FrameShape = Record<string, z.ZodType>;
const SHAPES: FrameShape[] = ClientFrameSchema.options.map((option) => option.shape as unknown as FrameShape);

/**
 * Frames that are almost valid: the real `type` of one client frame and its real keys (from the zod schema), each
 * present or not with a hostile value, sometimes with extra keys or a huge string.
 */
export const nearValidFrame: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...SHAPES).chain((shape) => {
  const type = (shape.type as unknown as { value: string }).value;
  const fields = Object.fromEntries(Object.keys(shape).filter((key) => key !== 'type').map((key) => [key, fc.oneof(hostileValue, hugeString)]));
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'type')), hostileValue, { maxKeys: 3 }), { nil: undefined }),
    )
    .map(([values, extra]) => ({ ...(extra ?? {}), type, ...values }));
});

const someText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(maxLength, 200) }),
    fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length > 0 && s.length <= maxLength)),
    fc.string({ minLength: 1, maxLength }),
  );

/** Frames the schema accepts, carrying hostile content: these reach the engine (and the form dialogue). */
export const validHostileFrame: fc.Arbitrary<Record<string, unknown>> = fc
  .oneof(
    { arbitrary: fc.record({ type: fc.constant('message'), text: fc.oneof(someText(1000), fc.constantFrom('có', 'đồng ý', 'bỏ qua', 'hủy', 'đúng', 'sửa ngày sinh thành 31/2/2024', 'khai sinh')) }), weight: 4 },
    { arbitrary: fc.record({ type: fc.constant('choice'), id: fc.oneof(someText(100), fc.constantFrom('form:yes', 'form:no', 'form:start:to-khai-khai-sinh', 'form:start:nope', 'dang-ky-khai-sinh', 'dvc-1.001193')) }), weight: 2 },
    { arbitrary: fc.record({ type: fc.constant('followup'), aspect: fc.constantFrom(...listAspects()) }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('feedback'), messageId: someText(64), rating: fc.constantFrom('up', 'down'), comment: someText(500) }, { requiredKeys: ['type', 'messageId', 'rating'] }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('handover'), topic: someText(100) }, { requiredKeys: ['type'] }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('form'), formId: fc.oneof(someText(100), fc.constantFrom('to-khai-khai-sinh', 'ct01-thay-doi-cu-tru', 'to-khai-ket-hon')) }), weight: 2 },
    {
      arbitrary: fc.record(
        { type: fc.constant('hello'), sessionId: fc.string({ minLength: 8, maxLength: 64 }), language: fc.constantFrom('vi', 'en'), channel: fc.constantFrom('kiosk', 'widget') },
        { requiredKeys: ['type'] },
      ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom({ type: 'reset' }, { type: 'end' }), weight: 1 },
  )
  .filter((frame) => ClientFrameSchema.safeParse(frame).success);

function listAspects(): string[] {
  const followup = ClientFrameSchema.options.find((o) => (o.shape.type as unknown as { value: string }).value === 'followup');
  return (followup?.shape as unknown as { aspect: { options: string[] } }).aspect.options;
}

/** What a client may send over the socket: text of any kind, any JSON, near-valid frames, binary. */
export const socketPayload: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  nearValidFrame.map((frame) => JSON.stringify(frame)),
  nearValidFrame.map((frame) => JSON.stringify(frame)),
  validHostileFrame.map((frame) => JSON.stringify(frame)),
  validHostileFrame.map((frame) => JSON.stringify(frame)),
  fc.uint8Array({ maxLength: 64 }),
);
