import { ABBREVIATIONS, UNIT_LIKE_ABBREVIATIONS } from './abbreviation-table.js';

// A Map, so that tokens such as "constructor" never hit Object.prototype.
const TABLE: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(ABBREVIATIONS).map(([key, expansion]) => [key, expansion.split(' ')]),
);
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;

/** One output token of an expansion and the index of the input token it came from. */
export interface ExpandedToken {
  token: string;
  source: number;
}

/** Expands chat spellings and abbreviations in normalized tokens, keeping where each output token came from. */
export function expandAbbreviationsWithSource(tokens: readonly string[]): ExpandedToken[] {
  const out: ExpandedToken[] = [];
  tokens.forEach((token, source) => {
    const expansion = TABLE.get(token);
    const previous = tokens[source - 1];
    const isUnit = UNIT_LIKE_ABBREVIATIONS.has(token) && previous !== undefined && NUMBER.test(previous);
    if (expansion === undefined || isUnit) {
      out.push({ token, source });
    } else {
      for (const part of expansion) out.push({ token: part, source });
    }
  });
  return out;
}

/** Expands chat spellings and abbreviations in normalized tokens: ["dk", "tam"] → ["đăng", "ký", "tam"]. */
export function expandAbbreviations(tokens: string[]): string[] {
  return expandAbbreviationsWithSource(tokens).map((t) => t.token);
}
