import type { FieldDef, FormDefinition, LocalizedText } from '../../forms/types.js';
import { looksLikeName } from '../../forms/extract/name.js';
import { cleanText } from '../../forms/text.js';
import { foldAligned, splitClauses } from './clauses.js';
import type { PendingConfirmation } from './form-state.js';
import { interpretAnswer } from './interpret.js';
import { proposeMarks } from './name-marks.js';
import { CUES, pickByKeys, pickByType, TWO_DIGIT_YEAR } from './cues.js';
import { fieldKeyOf, fieldPrefixOf, personPrefix } from './person-words.js';
import { isKeepAsWritten, isNo, isNotKnown, isRelation, isYes, readSameAddress } from './words.js';

/** What one message said about the form: values read, fields skipped in place, what to confirm, what failed. */
export interface ReadResult {
  values: Record<string, string>;
  skipped: string[];
  pending: PendingConfirmation[];
  problems: { field: string; message: LocalizedText }[];
  /** Text that fitted no field. */
  unread: string[];
}

export interface ReadContext {
  form: FormDefinition;
  today: Date;
  /** Values already on the form (for "cùng địa chỉ" and to prefer empty fields). */
  values: Readonly<Record<string, string>>;
}

interface Assignment {
  field: FieldDef;
  text: string;
  clause: number;
}

/**
 * Reads a free answer against the fields asked (and any other field of the person it names): "bé tên Trần Minh
 * Khôi, nam, sinh 12/11/2026 ở BV Phụ sản Hà Nội" fills four fields. Clauses with a cue go to that field; typed
 * values (dates, ID numbers, years, "nam"/"nữ", relations, known ethnicities and nationalities) to the first empty
 * field of their type; the rest, in order, to the asked fields still empty; what is left continues an address.
 */
export function readAnswer(asking: readonly FieldDef[], message: string, context: ReadContext): ReadResult {
  const result: ReadResult = { values: {}, skipped: [], pending: [], problems: [], unread: [] };
  const askable = context.form.fields.filter((f) => !f.derived && !f.notAsked);
  const defaultPrefix = asking[0] ? fieldPrefixOf(asking[0].name) : '';
  const single = asking.length === 1 ? asking[0] : undefined;
  // A question back ("lệ phí bao nhiêu?") answers nothing.
  if (/\?\s*$/.test(message)) return { ...result, unread: [message] };
  // One free-text field asked: the whole answer is its value ("12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội").
  if (single && (single.type === 'address' || single.type === 'text') && !hasCue(message)) {
    if (isNotKnown(message)) result.skipped.push(single.name);
    else accept(single, stripLeadIn(message), context, result);
    return result;
  }

  const clauses = splitClauses(message);
  const assigned = new Map<number, Assignment>();
  const taken = new Set<string>();
  const prefixes: string[] = [];
  let prefix = defaultPrefix;
  const candidatesOf = (p: string) => {
    const own = askable.filter((f) => fieldPrefixOf(f.name) === p);
    const asked = asking.filter((f) => fieldPrefixOf(f.name) === p);
    return [...asked, ...own.filter((f) => !asked.includes(f))].filter((f) => !taken.has(f.name));
  };
  const take = (index: number, field: FieldDef, text: string) => {
    assigned.set(index, { field, text, clause: index });
    taken.add(field.name);
  };

  // Pass 1: person words, cues and typed values.
  let carriedKeys: readonly string[] | undefined;
  clauses.forEach((clause, index) => {
    let { text, folded } = clause;
    // "bỏ qua" first: its "bỏ" folds to "bo", which also means "bố".
    if (isNotKnown(text)) {
      prefixes[index] = prefix;
      clauses[index] = { text: '', folded: 'skip' };
      return;
    }
    const person = leadingPerson(context.form, folded);
    if (person && !isRelation(folded)) {
      prefix = person.prefix;
      text = text.slice(person.length).trim();
      folded = folded.slice(person.length).trim();
      const la = /^(?:la|is|:)\s*/.exec(folded);
      if (la) {
        text = text.slice(la[0].length);
        folded = folded.slice(la[0].length);
        // "mẹ là Lê Thị Hoa": what a person "is" is their name.
        const name = candidatesOf(prefix).find((f) => fieldKeyOf(f.name) === 'ho_ten');
        if (name && looksLikeName(text)) {
          prefixes[index] = prefix;
          return take(index, name, text);
        }
      }
    }
    prefixes[index] = prefix;
    if (!folded) return;
    const candidates = candidatesOf(prefix);
    // A cue alone ("cư trú cuối cùng" before "ở 5 Hàng Bông") names the field of the next clause.
    const carried = carriedKeys;
    carriedKeys = undefined;
    if (carried) {
      const value = text.replace(/^(?:ở|tại|o|tai|là|la)\s+/iu, '').trim();
      const field = pickByKeys(candidates, carried, value);
      if (field && value) return take(index, field, value);
    }
    for (const cue of CUES) {
      const match = cue.pattern.exec(folded);
      if (!match) continue;
      const value = text.slice(match[0].length).trim();
      if (!value && match[0].trim() === folded) {
        carriedKeys = cue.keys;
        clauses[index] = { text: '', folded: '' };
        return;
      }
      const field = pickByKeys(candidates, cue.keys, value);
      if (field && value) return take(index, field, value);
    }
    // A value recognised by its shape goes to an empty field only: it never overwrites an earlier answer.
    const typed = pickByType(candidates.filter((f) => context.values[f.name] === undefined || asking.includes(f)), text, folded);
    if (typed) take(index, typed, text);
    clauses[index] = { text, folded };
  });

  // Pass 2: plain clauses, in order, to the asked fields still empty; an address goes on over the next clauses.
  let lastAddress: Assignment | undefined;
  clauses.forEach((clause, index) => {
    const done = assigned.get(index);
    if (done) {
      lastAddress = done.field.type === 'address' ? done : undefined;
      return;
    }
    if (!clause.folded) return;
    const open = candidatesOf(prefixes[index] ?? defaultPrefix).filter((f) => asking.includes(f) && (asking.length === 1 || !['date', 'year', 'id-number', 'number', 'phone', 'email', 'select'].includes(f.type)));
    if (clause.folded === 'skip') {
      const next = candidatesOf(prefixes[index] ?? defaultPrefix).find((f) => asking.includes(f));
      if (next) {
        result.skipped.push(next.name);
        taken.add(next.name);
      }
      return;
    }
    // What follows an address without a cue of its own is more of the address ("…, phường Cửa Nam, Hà Nội").
    if (lastAddress) {
      lastAddress.text = `${lastAddress.text}, ${clause.text}`;
      return;
    }
    const field = open[0];
    if (!field) {
      result.unread.push(clause.text);
      return;
    }
    const assignment = { field, text: clause.text, clause: index };
    assigned.set(index, assignment);
    taken.add(field.name);
    lastAddress = field.type === 'address' ? assignment : undefined;
  });

  for (const { field, text } of assigned.values()) accept(field, text, context, result);
  return result;
}

/** Stores one field's text in the result: read, or held for a yes (two-digit year, name without marks), or a problem. */
function accept(field: FieldDef, text: string, context: ReadContext, result: ReadResult): void {
  if (isNotKnown(text)) {
    result.skipped.push(field.name);
    return;
  }
  // "đúng" or "không" is never a name or an ethnicity: it answers a question that was not asked.
  if (field.type !== 'select' && (isYes(text) || isNo(text) || isKeepAsWritten(text))) {
    result.problems.push({ field: field.name, message: { vi: 'Tôi cần nội dung của mục này.', en: 'I need an answer for this item.' } });
    return;
  }
  if (field.type === 'address') {
    text = text.replace(/^(?:ở|tại)\s+/iu, '');
    const same = readSameAddress(text);
    if (same) {
      const copied = copyAddress(field, context, result.values);
      if (copied) {
        result.values[field.name] = copied;
        return;
      }
    }
  }
  if (field.type === 'date') {
    const short = TWO_DIGIT_YEAR.exec(text);
    if (short && !/\d{4}/.test(text)) {
      const day = Number(short[1]);
      const month = Number(short[2]);
      const recent = 2000 + Number(short[3]);
      const todayYear = context.today.getUTCFullYear();
      const year = recent > todayYear ? recent - 100 : recent;
      const read = interpretAnswer(field, `${day}/${month}/${year}`, context.today);
      if (read.ok) {
        result.pending.push({ kind: 'two-digit-year', field: field.name, values: { [field.name]: read.value }, asWritten: short[0] });
        return;
      }
    }
  }
  const read = interpretAnswer(field, text, context.today);
  if (!read.ok) {
    result.problems.push({ field: field.name, message: read.message });
    return;
  }
  if (field.type === 'name') {
    const proposal = proposeMarks(read.value);
    if (proposal) {
      result.pending.push({ kind: 'marks', field: field.name, values: { [field.name]: proposal }, asWritten: read.value });
      return;
    }
  }
  result.values[field.name] = read.value;
}

// "cùng địa chỉ", "như trên": the other parent's residence if given, else the requester's.
function copyAddress(field: FieldDef, context: ReadContext, fresh: Record<string, string>): string | undefined {
  const all = { ...context.values, ...fresh };
  const order = ['cha.noi_cu_tru', 'me.noi_cu_tru', 'nguoi_yeu_cau.noi_cu_tru', 'ben_nu.noi_cu_tru', 'ben_nam.noi_cu_tru'];
  return order.filter((name) => name !== field.name).map((name) => all[name]).find((value) => value !== undefined);
}

function hasCue(message: string): boolean {
  const folded = splitClauses(message)[0]?.folded ?? '';
  return /^(?:noi sinh|que|dan toc|quoc tich)\b/.test(folded);
}

function stripLeadIn(message: string): string {
  const text = cleanText(message);
  const match = /^(?:(?:noi cu tru|dia chi|cu tru|thuong tru)(?: la)?|o|tai|la)\s*:?\s+/.exec(foldAligned(text));
  return match ? text.slice(match[0].length) : text;
}

function leadingPerson(form: FormDefinition, folded: string): { prefix: string; length: number } | undefined {
  const words = folded.split(' ');
  // Only a person word followed by more words switches person ("mẹ là Lê Thị Hoa"); "bố" alone is an answer.
  for (const count of [4, 3, 2, 1]) {
    if (words.length <= count) continue;
    const phrase = words.slice(0, count).join(' ');
    const prefix = personPrefix(form, phrase.replace(/^(?:cua|cho|of) /, ''));
    if (prefix !== undefined) return { prefix, length: phrase.length };
  }
  return undefined;
}

