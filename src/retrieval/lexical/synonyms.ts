import type { SynonymGroup } from '../../knowledge/schema.js';
import { analyze } from '../../text/index.js';

/** A colloquial phrase as folded tokens, and the official terms it stands for. */
export interface CompiledSynonym {
  phrase: string[];
  terms: string[];
}

/** Synonym groups compiled for fast phrase lookup in folded query tokens. */
export interface SynonymMatcher {
  /** Every colloquial phrase found in the folded tokens, with the official terms (folded uni/bigrams) it stands for. */
  match(foldedTokens: string[]): CompiledSynonym[];
}

/** Whether two phrases stand for some of the same official word pairs ("quyen_su", "dang_ky"). */
function sharesAPair(a: CompiledSynonym, b: CompiledSynonym): boolean {
  return a.terms.some((term) => term.includes('_') && b.terms.includes(term));
}

/** Compiles the knowledge base's synonym groups into a matcher. */
export function compileSynonyms(groups: SynonymGroup[]): SynonymMatcher {
  const compiled: CompiledSynonym[] = [];
  for (const group of groups) {
    const terms = [...new Set(group.official.flatMap((text) => {
      const analyzed = analyze(text, { exact: 'never' });
      return [...analyzed.unigrams, ...analyzed.bigrams];
    }))];
    for (const colloquial of group.colloquial) {
      const phrase = analyze(colloquial, { exact: 'never' }).folded;
      if (phrase.length > 0) compiled.push({ phrase, terms });
    }
  }
  // Phrases by their first word: a long question is scanned once instead of once per phrase.
  const byFirst = new Map<string, CompiledSynonym[]>();
  for (const synonym of compiled) byFirst.set(synonym.phrase[0] ?? '', [...(byFirst.get(synonym.phrase[0] ?? '') ?? []), synonym]);
  return {
    match(tokens) {
      const spans: { synonym: CompiledSynonym; start: number; end: number }[] = [];
      tokens.forEach((token, i) => {
        for (const synonym of byFirst.get(token) ?? []) {
          if (synonym.phrase.every((word, j) => tokens[i + j] === word)) spans.push({ synonym, start: i, end: i + synonym.phrase.length });
        }
      });
      // A phrase that a longer one continues into something else is part of it: "nhận con" in "nhận con nuôi" is an
      // adoption, not a recognition of a child. When both stand for the same official words ("sang tên sổ" and
      // "sang tên sổ đỏ"), both count; words ending a longer phrase ("sổ đỏ" in "sang tên sổ đỏ") always do.
      const inside = (a: (typeof spans)[number]) => spans.some((b) => b.start === a.start && b.end > a.end && !sharesAPair(a.synonym, b.synonym));
      const found = new Set(spans.filter((span) => !inside(span)).map((span) => span.synonym));
      // In the groups' order, as before: the first phrases found come first.
      return compiled.filter((synonym) => found.has(synonym));
    },
  };
}
