import { analyze, foldDiacritics, hasDiacritics, isStopword } from '../../text/index.js';
import type { SearchDocument } from '../corpus/build-corpus.js';
import type { Bm25Document } from './bm25.js';
import { namesOnlyAnAction } from '../../understand/index.js';

// What an entry's text indexes as: its BM25F fields, and its names as word lists for the name and title matches.

/** Analyses a search document into BM25F fields; body terms skip exact forms to save memory. */
export function analyzeDocument({ id, fields }: Pick<SearchDocument, 'id' | 'fields'>): Bm25Document {
  const fieldTerms = (texts: string[], exact: 'always' | 'never') => texts.flatMap((text) => (text ? analyze(text, { exact }).terms : []));
  return {
    id,
    fields: {
      title: fieldTerms(fields.title, 'always'),
      aliases: fieldTerms(fields.aliases, 'always'),
      official: fieldTerms(fields.official, 'always'),
      summary: fieldTerms(fields.summary, 'always'),
      body: fieldTerms(fields.body, 'never'),
    },
  };
}

/**
 * The names of an entry as word lists written as in the text (lower case, with their marks: retrieval folds them and
 * also tells "biển số" from "biến … hồ sơ", docs/retrieval.md), filler aside ("Thủ tục ..." is not part of what a
 * procedure is called).
 */
export function nameTokens(fields: SearchDocument['fields']): string[][] {
  // A long official title lists cases ("… chuyển đổi …; chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất; …"):
  // each part is a name of its own, so that a question naming one case is not diluted by the others.
  // What a title says in brackets qualifies it (a level, an exception, the people concerned): no name of its own.
  const parts = [...fields.title, ...fields.official].flatMap((title) => title.replace(BRACKETED, ' ').split(TITLE_PARTS)).filter((part) => part !== undefined);
  const names = [...fields.title, ...fields.aliases, ...fields.official, ...parts].filter(Boolean);
  const seen = new Set<string>();
  const title = new Set(fields.title);
  return names
    .map((name) => ({ name, words: contentWordsOfName(name) }))
    // A part of one word ("(sổ đỏ)" → "sổ") would match any question that has the word: only whole titles may be that short.
    .filter(({ name, words }) => words.length >= (title.has(name) ? 1 : 2))
    // A part that names only an action ("sang tên", "cấp lại") is no name: the object is in another part.
    .filter(({ name, words }) => title.has(name) || !namesOnlyAnAction(words.map(foldDiacritics)))
    .map(({ words }) => words)
    // "sang ten xe may" beside "sang tên xe máy" is the same name typed without marks: the marked one is kept.
    .sort((a, b) => markedWords(b) - markedWords(a))
    .filter((words) => {
      const key = words.map(foldDiacritics).join(' ');
      return !seen.has(key) && seen.add(key);
    });
}

function markedWords(words: readonly string[]): number {
  return words.filter(hasDiacritics).length;
}

// Filler as written with marks. Names are written with marks, so "căn" (cước) and "thẻ" stay although their
// folded forms ("can", "the") are filler when typed without marks.
const MARKED_FILLER = new Set(['cần', 'gì', 'cho', 'có', 'các', 'những', 'này', 'thì', 'mà', 'với', 'nào', 'sao', 'xin', 'hỏi', 'muốn', 'tôi', 'em', 'mình', 'vậy', 'nhé', 'ạ', 'ơi', 'giúp', 'đã', 'được', 'là', 'nhỉ', 'à', 'ừ']);

/** A name's words as written without filler, judged on the word as written. */
function contentWordsOfName(name: string): string[] {
  const { tokens, folded } = analyze(name, { exact: 'never' });
  return tokens.filter((written, i) => {
    const word = folded[i] ?? written;
    return !(isStopword(word) && (!hasDiacritics(written) || MARKED_FILLER.has(written)));
  });
}

// A bracketed stretch of a title, nested brackets left to the outer one.
const BRACKETED = /\([^()]*(?:\([^()]*\)[^()]*)*\)/g;

// Where a long title splits into the cases it lists.
const TITLE_PARTS = /[,;:()–—]| - /;
