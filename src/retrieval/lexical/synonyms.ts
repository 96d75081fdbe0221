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
      const found = new Set<CompiledSynonym>();
      tokens.forEach((token, i) => {
        for (const synonym of byFirst.get(token) ?? []) {
          if (!found.has(synonym) && synonym.phrase.every((word, j) => tokens[i + j] === word)) found.add(synonym);
        }
      });
      // In the groups' order, as before: the first phrases found come first.
      return compiled.filter((synonym) => found.has(synonym));
    },
  };
}
