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
  return {
    match(tokens) {
      return compiled.filter(({ phrase }) => containsPhrase(tokens, phrase));
    },
  };
}

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
