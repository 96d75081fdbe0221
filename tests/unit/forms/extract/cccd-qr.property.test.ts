import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCccdQr, isCccdQrError, parseCccdQr, type CccdQrResult } from '../../../../src/forms/index.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const SYLLABLES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Văn', 'Thị', 'Minh', 'Khôi', 'Bình', 'Lụa', "H'Hen", 'Niê', 'An'];
const PLACES = ['Số 1 Hàng Bạc', 'Hoàn Kiếm', 'Hà Nội', 'TP. Hồ Chí Minh', 'Thôn 3, xã Ea Kao', 'Buôn Ma Thuột'];

/** A valid CCCD QR string and what it holds. */
const validQr = fc
  .record({
    idNumber: digits(12),
    oldIdNumber: fc.oneof(fc.constant(''), digits(9), digits(12)),
    variant: fc.constantFrom(6, 7),
    name: fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
    birth: date,
    gender: fc.constantFrom('Nam', 'Nữ'),
    address: fc.array(fc.constantFrom(...PLACES), { minLength: 1, maxLength: 3 }).map((w) => w.join(', ')),
    issue: date,
  })
  .map((card) => {
    const ddmmyyyy = (d: Date) => `${pad(d.getUTCDate(), 2)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCFullYear(), 4)}`;
    const fields = [card.idNumber, ...(card.variant === 7 ? [card.oldIdNumber] : []), card.name, ddmmyyyy(card.birth), card.gender, card.address, ddmmyyyy(card.issue)];
    return { text: fields.join('|'), card };
  });

/** One random edit of a string: a character replaced, inserted or deleted, a bar added, a field dropped or doubled. */
const mutation = fc.tuple(
  fc.constantFrom('replace', 'insert', 'delete', 'bar', 'drop-field', 'double-field', 'truncate', 'wrap'),
  fc.nat(),
  fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.constantFrom('|', '\n', '\r', '\u0000', '9', 'x', ' ', 'ă')),
);

function mutate(text: string, [kind, at, piece]: [string, number, string]): string {
  const i = text.length === 0 ? 0 : at % text.length;
  const fields = text.split('|');
  const f = at % fields.length;
  switch (kind) {
    case 'replace':
      return text.slice(0, i) + piece + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + piece + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + 1);
    case 'bar':
      return `${text.slice(0, i)}|${text.slice(i)}`;
    case 'drop-field':
      return fields.filter((_, j) => j !== f).join('|');
    case 'double-field':
      return [...fields.slice(0, f + 1), fields[f], ...fields.slice(f + 1)].join('|');
    case 'truncate':
      return text.slice(0, i);
    default:
      return `${piece}${text}${piece}`;
  }
}

/** A parse result is either well-formed card data or the typed "not a valid QR" error with a message. */
function expectTypedResult(result: CccdQrResult, input: string): void {
  if (isCccdQrError(result)) {
    expect(result.error).toBe('malformed_qr');
    expect(result.message).toMatch(/Vui lòng quét lại mã QR/);
    // The message is shown on a shared screen and may be logged: it never repeats the ID number scanned.
    const id = /\d{12}/.exec(input)?.[0];
    if (id) expect(result.message).not.toContain(id);
    return;
  }
  expect(result.idNumber).toMatch(/^\d{12}$/);
  if (result.oldIdNumber !== undefined) expect(result.oldIdNumber).toMatch(/^(\d{9}|\d{12})$/);
  expect(result.fullName).toMatch(/\p{L}/u);
  expect(result.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(result.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const iso of [result.birthDate, result.issueDate]) expect(new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(iso);
  expect(['nam', 'nu']).toContain(result.gender);
  expect(result.address.trim().length).toBeGreaterThan(0);
}

describe('CCCD QR strings under arbitrary input', () => {
  it('parseCccdQr never throws on any string: data or a typed malformed_qr', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.string({ maxLength: 14 }), { maxLength: 9 }).map((f) => f.join('|'))), (text) => {
        expectTypedResult(parseCccdQr(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every well-formed code back exactly', () => {
    fc.assert(
      fc.property(validQr, ({ text, card }) => {
        const result = parseCccdQr(text);
        expect(isCccdQrError(result), text).toBe(false);
        expect(result).toMatchObject({ idNumber: card.idNumber, birthDate: card.birth.toISOString().slice(0, 10), issueDate: card.issue.toISOString().slice(0, 10), gender: card.gender === 'Nam' ? 'nam' : 'nu' });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated codes, in parseCccdQr or in findCccdQr inside a message', () => {
    fc.assert(
      fc.property(validQr, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 20 }), ({ text }, edits, around) => {
        const mutated = edits.reduce(mutate, text);
        expectTypedResult(parseCccdQr(mutated), mutated);
        const found = findCccdQr(`${around} ${mutated}\n${around}`);
        if (found) expectTypedResult(found, mutated);
      }),
      { numRuns: 300 },
    );
  });

  it('findCccdQr never throws on arbitrary messages and finds nothing in text without a 12-digit number and bars', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const found = findCccdQr(text);
        if (found) expectTypedResult(found, text);
        if (!/\d{12}\|/.test(text)) expect(found).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
