import { foldForMatch } from '../../text/index.js';
import type { Corpus, SearchDocument } from '../corpus/build-corpus.js';

// A national code as printed on every citation card: one digit, a point, six digits ("1.001193").
const NATIONAL_CODE = /(?<![\d.,])(\d)\s?\.\s?(\d{6})(?![\d])/gu;
// Words around an official name that do not change which procedure it is.
const NAME_PREFIX = /^(?:(?:thu tuc|tthc)\s+)+/u;

/** The national codes a text mentions ("thủ tục 1.001193", "mã 1.004194"), in order, without repeats. */
export function findNationalCodes(text: string): string[] {
  const codes = [...text.matchAll(NATIONAL_CODE)].map((match) => `${match[1]}.${match[2]}`);
  return [...new Set(codes)];
}

/** An official name folded for an exact comparison: no marks, no case, no "thủ tục" prefix, no end punctuation. */
export function foldOfficialName(name: string): string {
  return foldForMatch(name)
    .replace(/[.,;:!?…"“”'()\s]+$/u, '')
    .replace(/\s+/gu, ' ')
    .replace(NAME_PREFIX, '')
    .trim();
}

interface DirectIndex {
  byCode: Map<string, SearchDocument>;
  byName: Map<string, SearchDocument[]>;
}

// One index per corpus object: the retriever swaps its corpus on every knowledge update.
const indexes = new WeakMap<Corpus, DirectIndex>();

function indexOf(corpus: Corpus): DirectIndex {
  const cached = indexes.get(corpus);
  if (cached) return cached;
  const byCode = new Map<string, SearchDocument>();
  const byName = new Map<string, SearchDocument[]>();
  const addName = (name: string, doc: SearchDocument) => {
    const key = foldOfficialName(name);
    if (key === '') return;
    const docs = byName.get(key) ?? [];
    if (!docs.includes(doc)) docs.push(doc);
    byName.set(key, docs);
  };
  for (const doc of corpus.documents) {
    // A curated entry's own codes first: a folded record's code leads to the curated entry that covers it.
    for (const code of doc.entry.codes) if (!byCode.has(code)) byCode.set(code, doc);
    addName(doc.entry.title.vi, doc);
    for (const record of doc.folded) {
      for (const code of record.codes) if (!byCode.has(code)) byCode.set(code, doc);
      addName(record.title.vi, doc);
    }
  }
  const index = { byCode, byName };
  indexes.set(corpus, index);
  return index;
}

/**
 * The searchable documents a question names outright, before any ranking: the procedures whose national codes it
 * mentions, else those whose official name it is, word for word (several when records share a name). Empty
 * when it names none, and ranking decides.
 */
export function lookupDirect(corpus: Corpus, query: string): SearchDocument[] {
  const index = indexOf(corpus);
  const byCode = findNationalCodes(query).flatMap((code) => {
    const doc = index.byCode.get(code);
    return doc ? [doc] : [];
  });
  if (byCode.length > 0) return [...new Set(byCode)];
  return index.byName.get(foldOfficialName(query)) ?? [];
}
