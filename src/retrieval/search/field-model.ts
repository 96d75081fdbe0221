/**
 * Which field of administration (lĩnh vực: Đất đai, Hộ tịch, Đường bộ …) a question is about, learnt from the
 * knowledge base itself: a multinomial naive Bayes over the words of each entry's names, aliases and summary,
 * with a uniform prior over fields (customs has 190 records, civil status 50: size must not decide). It settles
 * what the same action is done to — "sang tên" a land title or a motorbike — where word overlap alone cannot
 * (docs/retrieval.md).
 */
export interface FieldModel {
  /** The field each entry belongs to. */
  fieldOf(id: string): string | undefined;
  /** For an entry: its field's posterior relative to the most likely field (0–1); 1 when nothing is known. */
  relativeFit(posterior: ReadonlyMap<string, number>, id: string): number;
  /** Posterior probability of each field for the question's words (weighted: story words count less). */
  classify(words: ReadonlyMap<string, number>): Map<string, number>;
}

const SMOOTHING = 0.5;

/** Trains the model on entries' strong words (one presence per entry and word). */
export function buildFieldModel(entries: Iterable<{ id: string; field: string | undefined; words: Iterable<string> }>): FieldModel {
  const fieldOfId = new Map<string, string>();
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const entry of entries) {
    if (!entry.field) continue;
    fieldOfId.set(entry.id, entry.field);
    let perWord = counts.get(entry.field);
    if (!perWord) counts.set(entry.field, (perWord = new Map()));
    for (const word of entry.words) {
      perWord.set(word, (perWord.get(word) ?? 0) + 1);
      totals.set(entry.field, (totals.get(entry.field) ?? 0) + 1);
      vocabulary.add(word);
    }
  }
  const fields = [...counts.keys()];
  const size = vocabulary.size;
  // log P(word | field) for every field, one vector a word, so that classifying is a sum of vectors. Computed for a
  // word when a question first has it, not for the whole vocabulary at the start (~40 ms of a warm start's ~1 s).
  const denominators = fields.map((field) => Math.log((totals.get(field) ?? 0) + SMOOTHING * size));
  const logProbabilities = new Map<string, Float64Array>();
  const vectorOf = (word: string): Float64Array | undefined => {
    let vector = logProbabilities.get(word);
    if (!vector && vocabulary.has(word)) {
      vector = Float64Array.from(fields, (field, f) => Math.log((counts.get(field)!.get(word) ?? 0) + SMOOTHING) - (denominators[f] as number));
      logProbabilities.set(word, vector);
    }
    return vector;
  };
  return {
    fieldOf: (id) => fieldOfId.get(id),
    classify(words) {
      // Averaged over the words, not summed: a long story would otherwise make the posterior all-or-nothing.
      const sums = new Float64Array(fields.length);
      let mass = 0;
      for (const [word, weight] of words) {
        const vector = vectorOf(word);
        if (!vector) continue;
        mass += weight;
        for (let f = 0; f < sums.length; f++) sums[f] = (sums[f] as number) + weight * (vector[f] as number);
      }
      const logs = new Map<string, number>();
      fields.forEach((field, f) => logs.set(field, mass > 0 ? (sums[f] as number) / mass : 0));
      const best = Math.max(...logs.values());
      let sum = 0;
      for (const [field, log] of logs) {
        const p = Math.exp(log - best);
        logs.set(field, p);
        sum += p;
      }
      for (const [field, p] of logs) logs.set(field, p / sum);
      return logs;
    },
    relativeFit(posterior, id) {
      const field = fieldOfId.get(id);
      if (!field || posterior.size === 0) return 1;
      const best = Math.max(...posterior.values());
      return best > 0 ? (posterior.get(field) ?? 0) / best : 1;
    },
  };
}
