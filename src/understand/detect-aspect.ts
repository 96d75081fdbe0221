import { expandAbbreviations, foldDiacritics, tokenize } from '../text/index.js';
import { ASPECT_TABLE } from './aspect-table.js';
import type { Aspect } from './types.js';

interface Phrase {
  aspect: Exclude<Aspect, 'general'>;
  words: string[];
  weight: number;
}

interface Hit {
  aspect: Exclude<Aspect, 'general'>;
  weight: number;
  at: number;
}

const PHRASES: readonly Phrase[] = ASPECT_TABLE.flatMap((row) =>
  Object.entries(row.asks).map(([phrase, weight]) => ({ aspect: row.aspect, words: phrase.split(' '), weight })),
);
// Typos are tolerated only on long single words: short ones ("where"/"there", "charge"/"change") collide.
const FUZZY_MIN_KEY = 7;
const FUZZY_MIN_TOKEN = 6;

/** The one aspect a citizen's message asks about: the strongest phrase wins, then the earliest; else 'general'. */
export function detectAspect(text: string): Aspect {
  const hits = findHits(foldedTokens(text));
  let best: Hit | undefined;
  for (const hit of hits) {
    if (!best || hit.weight > best.weight || (hit.weight === best.weight && hit.at < best.at)) best = hit;
  }
  return best?.aspect ?? 'general';
}

/**
 * The aspect asked, read from the message with the procedure's own name taken out: "Quy trình ... lệ phí bao
 * nhiêu" asks the fee, whatever words the official name holds ("quy trình", "giấy tờ", "thời hạn").
 */
export function detectAspectBesides(text: string, names: readonly string[]): Aspect {
  let tokens = foldedTokens(text);
  for (const name of names) {
    const words = foldedTokens(name);
    const at = words.length > 0 ? indexOfPhrase(tokens, words, false) : -1;
    if (at >= 0) tokens = [...tokens.slice(0, at), '\u0000', ...tokens.slice(at + words.length)];
  }
  let best: Hit | undefined;
  for (const hit of findHits(tokens)) {
    if (!best || hit.weight > best.weight || (hit.weight === best.weight && hit.at < best.at)) best = hit;
  }
  return best?.aspect ?? 'general';
}

/** Every aspect the message asks about, in order of appearance; weak hints count only when nothing stronger does. */
export function detectAspects(text: string): Aspect[] {
  const hits = findHits(foldedTokens(text));
  const strongest = Math.max(0, ...hits.map((hit) => hit.weight));
  const kept = hits.filter((hit) => hit.weight > 1 || strongest <= 1).sort((a, b) => a.at - b.at);
  const aspects = [...new Set(kept.map((hit) => hit.aspect))];
  return aspects.length > 0 ? aspects : ['general'];
}

/** Lower-case, diacritic-free words with chat abbreviations spelled out ("bn" → "bao nhieu"). */
export function foldedTokens(text: string): string[] {
  return expandAbbreviations(tokenize(text)).map((token) => foldDiacritics(token));
}

/** True when the folded phrase occurs in the folded words as whole words. */
export function containsPhrase(tokens: readonly string[], words: readonly string[]): boolean {
  return indexOfPhrase(tokens, words, false) >= 0;
}

// Phrases by their first word, and the single long words that tolerate a typo: a long message is scanned once.
const BY_FIRST_WORD = new Map<string, Phrase[]>();
for (const phrase of PHRASES) BY_FIRST_WORD.set(phrase.words[0] ?? '', [...(BY_FIRST_WORD.get(phrase.words[0] ?? '') ?? []), phrase]);
const FUZZY_PHRASES = PHRASES.filter((phrase) => phrase.words.length === 1 && (phrase.words[0]?.length ?? 0) >= FUZZY_MIN_KEY);

/** Every phrase found, at its first position; one pass over the words. */
function findHits(tokens: readonly string[]): Hit[] {
  const found = new Map<Phrase, number>();
  tokens.forEach((token, at) => {
    for (const phrase of BY_FIRST_WORD.get(token) ?? []) {
      if (!found.has(phrase) && phrase.words.every((word, offset) => tokens[at + offset] === word)) found.set(phrase, at);
    }
    if (token.length < FUZZY_MIN_TOKEN) return;
    for (const phrase of FUZZY_PHRASES) if (!found.has(phrase) && sameWord(token, phrase.words[0] ?? '', true)) found.set(phrase, at);
  });
  return [...found].map(([phrase, at]) => ({ aspect: phrase.aspect, weight: phrase.weight, at }));
}

function indexOfPhrase(tokens: readonly string[], words: readonly string[], fuzzy: boolean): number {
  for (let start = 0; start + words.length <= tokens.length; start++) {
    if (words.every((word, offset) => sameWord(tokens[start + offset] ?? '', word, fuzzy && words.length === 1))) {
      return start;
    }
  }
  return -1;
}

function sameWord(token: string, word: string, fuzzy: boolean): boolean {
  if (token === word) return true;
  if (!fuzzy || word.length < FUZZY_MIN_KEY || token.length < FUZZY_MIN_TOKEN) return false;
  return withinOneEdit(token, word);
}

/** One insertion, deletion, substitution or swap of neighbours ("documnets", "eligable", "adress"). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The message's folded words with every aspect phrase taken out: what is left names the procedure, if anything. */
export function removeAspectPhrases(text: string): string[] {
  const tokens = foldedTokens(text);
  const drop = new Set<number>();
  for (const phrase of PHRASES) {
    for (let i = 0; i + phrase.words.length <= tokens.length; i++) {
      if (phrase.words.every((word, j) => tokens[i + j] === word)) for (let j = 0; j < phrase.words.length; j++) drop.add(i + j);
    }
  }
  return tokens.filter((_, i) => !drop.has(i));
}
