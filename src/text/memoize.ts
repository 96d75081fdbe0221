export interface MemoizeWordsOptions {
  /** Entries kept before the cache is emptied and starts again. */
  maxEntries?: number;
  /** Longer inputs are computed every time: they are texts, not words, and rarely repeat. */
  maxLength?: number;
}

/** Caches a pure string → string function for short inputs (words), where a vocabulary repeats a lot. */
export function memoizeWords(
  fn: (word: string) => string,
  { maxEntries = 50_000, maxLength = 40 }: MemoizeWordsOptions = {},
): (word: string) => string {
  let cache = new Map<string, string>();
  return (word) => {
    if (word.length > maxLength) return fn(word);
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const result = fn(word);
    // Dropping everything at once keeps memory bounded without the bookkeeping of an LRU.
    if (cache.size >= maxEntries) cache = new Map();
    cache.set(word, result);
    return result;
  };
}
