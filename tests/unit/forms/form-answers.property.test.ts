import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continueForm, startForm } from '../../../src/chat/forms/form-dialogue.js';
import { fieldsToAsk } from '../../../src/chat/forms/questions.js';
import type { FormState } from '../../../src/chat/forms/form-state.js';
import { displayValue, interpretAnswer } from '../../../src/chat/forms/interpret.js';
import { isCancel, isNo, isSkip, isYes, readCorrection } from '../../../src/chat/forms/words.js';
import {
  dateInWords,
  findCccdQr,
  listForms,
  looksLikeName,
  normaliseIdNumber,
  normaliseName,
  normalisePhone,
  parseDate,
  parseGender,
  parseIdNumber,
  parseName,
  parsePhone,
  validateDossier,
  validateFieldValue,
  type FormDefinition,
} from '../../../src/forms/index.js';

const FORMS = listForms();
const TODAY = new Date('2026-03-10T03:00:00Z');

// Answers a citizen might type, and things nobody should: markup, control characters, huge numbers, scans.
const ANSWERS = [
  'có', 'đồng ý', 'không', 'bỏ qua', 'hủy', 'đúng', 'sửa ngày sinh thành 31/2/2024', 'sửa  thành ', 'đổi tên thành <b>x</b>',
  'ngày 12 tháng 3 năm 2024', '12/3/24', '29/02/2023', '0/0/0000', '99/99/9999', '001 090 012 345', '+84 912 345 678',
  'tôi tên là nguyễn văn an', "H'Hen Niê", 'con trai', 'nam nữ', 'Việt Nam', '9'.repeat(400), '1e400', '-1', 'NaN',
  '<script>window.__xss=1</script>', '\u0000\u0001', '\uD800', '\u202Etext', ',,,,', '\n\n\n', '; ; ;',
  '001090012345|012345678|Lê Thị Mai|15081990|Nữ|Số 1 Tràng Tiền|20042021',
];
const answer = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 120 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 2 },
  { arbitrary: fc.constantFrom(...ANSWERS), weight: 3 },
  { arbitrary: fc.array(fc.constantFrom(...ANSWERS), { minLength: 2, maxLength: 4 }).map((parts) => parts.join(', ')), weight: 2 },
);
const form = fc.constantFrom(...FORMS);
const fieldOf = (f: FormDefinition) => fc.constantFrom(...f.fields);
const formAndField = form.chain((f) => fc.tuple(fc.constant(f), fieldOf(f)));

/** Anything a JSON body may put where a form value goes. */
const rawValue: fc.Arbitrary<unknown> = fc.oneof(answer, fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.double(), fc.constantFrom(null, undefined, true, [], {}));

describe('form answers under arbitrary input', () => {
  it('the extractors never throw on any string', () => {
    fc.assert(
      fc.property(answer, (text) => {
        parseDate(text, { today: TODAY });
        parseName(text);
        looksLikeName(text);
        normaliseName(text);
        parseIdNumber(text);
        parseIdNumber(text, { allowOldCmnd: true });
        normaliseIdNumber(text, true);
        normaliseIdNumber(text, false);
        parsePhone(text);
        normalisePhone(text);
        parseGender(text);
        findCccdQr(text);
        isYes(text);
        isNo(text);
        isCancel(text);
        isSkip(text);
        readCorrection(text);
      }),
      { numRuns: 400 },
    );
  });

  it('a read date is a real calendar day that dateInWords can spell', () => {
    fc.assert(
      fc.property(answer, (text) => {
        const date = parseDate(text, { today: TODAY });
        if (!date) return;
        const iso = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
        expect(new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(iso);
        if (date.year <= 9999) expect(dateInWords(date)).toMatch(/^Ngày /);
      }),
      { numRuns: 300 },
    );
  });

  it('interpretAnswer reads any text for any field as a value or a message in both languages', () => {
    fc.assert(
      fc.property(formAndField, answer, ([, field], text) => {
        const read = interpretAnswer(field, text, TODAY);
        if (read.ok) {
          expect(typeof read.value).toBe('string');
          expect(typeof displayValue(field, read.value, 'vi')).toBe('string');
          expect(typeof displayValue(field, read.value, 'en')).toBe('string');
        } else {
          expect(read.message.vi.length).toBeGreaterThan(0);
          expect(read.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('validateFieldValue never throws on any raw value of any (or no) field', () => {
    fc.assert(
      fc.property(formAndField, fc.oneof(fc.constant(undefined), fc.string({ maxLength: 20 })), rawValue, ([f, field], otherName, raw) => {
        const check = validateFieldValue(f, otherName ?? field.name, raw, { today: TODAY });
        expect(check.ok ? typeof check.value : check.message.length > 0).toBeTruthy();
      }),
      { numRuns: 400 },
    );
  });

  it('validateDossier never throws on any values, flat, nested or garbage, and names every problem by field', () => {
    const values = form.chain((f) =>
      fc.tuple(
        fc.constant(f),
        fc.oneof(
          fc.dictionary(fc.oneof(fc.constantFrom(...f.fields.map((x) => x.name)), fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'a.b.c.d.e.f.g.h')), rawValue, { maxKeys: 12 }),
          fc.object({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => ({ nested: v })),
        ),
      ),
    );
    fc.assert(
      fc.property(values, ([f, input]) => {
        const result = validateDossier(f, input as Record<string, unknown>, { today: TODAY });
        if (result.ok) {
          for (const value of Object.values(result.values)) expect(typeof value).toBe('string');
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(typeof error.field).toBe('string');
            expect(error.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the dialogue never throws, whatever state it is in and whatever the citizen types', () => {
    const state = form.chain((f) =>
      fc.tuple(
        fc.constant(f),
        fc.record({
          formId: fc.constant(f.id),
          stage: fc.constantFrom('consent', 'collect', 'confirm', 'which', 'review'),
          values: fc.dictionary(fc.constantFrom(...f.fields.map((x) => x.name)), fc.oneof(answer, fc.constantFrom('2024-03-12', 'nam', 'cccd'))),
          asking: fc.subarray(fieldsToAsk(f).map((x) => x.name), { maxLength: 3 }),
          skipped: fc.subarray(f.fields.map((x) => x.name)),
          pending: fc.array(
            fc.record({
              kind: fc.constantFrom<'two-digit-year' | 'marks' | 'reuse'>('two-digit-year', 'marks', 'reuse'),
              values: fc.dictionary(fc.constantFrom(...f.fields.map((x) => x.name)), answer),
              field: fc.constantFrom(...f.fields.map((x) => x.name), 'tre', 'cha'),
            }),
            { maxLength: 2 },
          ),
          facts: fc.constant({}),
          correction: fc.option(fc.record({ candidates: fc.subarray(f.fields.map((x) => x.name)), value: answer }), { nil: undefined }),
        }),
      ),
    );
    fc.assert(
      fc.property(state, fc.array(answer, { minLength: 1, maxLength: 5 }), fc.constantFrom<'vi' | 'en'>('vi', 'en'), ([f, initial], messages, language) => {
        const options = { language, today: TODAY, retentionDays: 30 };
        let current: FormState | undefined = initial;
        for (const message of messages) {
          if (!current) current = startForm(f, options).state;
          const turn = continueForm(f, current!, message, options);
          expect(typeof turn.text).toBe('string');
          if (turn.submit) validateDossier(f, turn.submit, { today: TODAY });
          current = turn.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});
