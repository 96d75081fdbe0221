import type { Embedder } from '../embedder.js';
import { indexTerms, projectTerms, type LsaBasis } from './basis.js';

/** The LSA embedder over a frozen basis; `analyze` turns text into the same terms the basis was trained on. */
export function createLsaEmbedder(basis: LsaBasis, analyze: (text: string) => string[]): Embedder {
  const termIndex = indexTerms(basis);
  const embed = async (texts: string[]) => texts.map((text) => projectTerms(basis, termIndex, analyze(text)));
  return { id: `lsa:${basis.hash}`, dimension: basis.dimension, embedQueries: embed, embedPassages: embed };
}
