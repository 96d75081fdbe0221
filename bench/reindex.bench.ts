/**
 * `npx tsx bench/reindex.bench.ts`: re-indexing one revised entry on the shipped knowledge base, in place
 * (Retriever.updateEntries) against a full lexical rebuild without the analysis cache (replaceEntries), and how far
 * the in-place index drifts from a full rebuild on the calibration and holdout questions. Prints JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Entry, SynonymGroup } from '../src/knowledge/schema.js';
import { buildCorpus } from '../src/retrieval/corpus/build-corpus.js';
import { Retriever } from '../src/retrieval/search/retriever.js';

const ROUNDS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const time = <T>(task: () => T): [T, number] => {
  const started = performance.now();
  const value = task();
  return [value, performance.now() - started];
};
const round = (ms: number) => Number(ms.toFixed(1));

const questions = ['bench/calibration.jsonl', 'bench/holdout.jsonl'].flatMap((file) =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { q: string }).q),
);

/** Compares an edited-in-place retriever with a full rebuild over the same entries, question by question. */
async function compareWithRebuild(edited: Retriever, entries: Entry[], synonyms: SynonymGroup[]) {
  const rebuilt = new Retriever({ entries, synonyms });
  const ids = (response: Awaited<ReturnType<Retriever['search']>>) => response.results.map((r) => r.id).join(',');
  let sameTop1 = 0;
  let sameTop5Order = 0;
  let sameAnswerable = 0;
  for (const q of questions) {
    const [a, b] = [await edited.search(q, 5), await rebuilt.search(q, 5)];
    if (a.results[0]?.id === b.results[0]?.id) sameTop1++;
    if (ids(a) === ids(b)) sameTop5Order++;
    if (a.answerable === b.answerable) sameAnswerable++;
  }
  return { lengthDrift: Number(edited.lexicalDrift.toFixed(5)), questions: questions.length, sameTop1, sameTop5Order, sameAnswerable };
}

const knowledge = await loadKnowledge(path.resolve('knowledge'));
const { synonyms } = knowledge;
let entries = knowledge.entries;
const [retriever, fullBuildMs] = time(() => new Retriever({ entries, synonyms }));
const corpusMs = median(Array.from({ length: ROUNDS }, () => time(() => buildCorpus(entries))[1]));
// Searchable entries spread over the corpus (curated and catalogue alike).
const targets = retriever.documents.map((doc) => doc.entry).filter((_, i) => i % 97 === 0);

/** The entry with one more colloquial alias: a typical published revision. */
const revise = (entry: Entry, n: number): Entry => ({ ...entry, aliases: { ...entry.aliases, vi: [...entry.aliases.vi, `làm giấy tờ kiểu ${n}`] } });
const swapped = (list: Entry[], revised: Entry) => list.map((entry) => (entry.id === revised.id ? revised : entry));

// The usual case: the caller swaps one object in the array it passed last time.
const inPlace: number[] = [];
let afterOneEdit: Awaited<ReturnType<typeof compareWithRebuild>> | undefined;
for (let n = 0; n < ROUNDS; n++) {
  entries = swapped(entries, revise(targets[n] as Entry, n));
  const [update, ms] = time(() => retriever.updateEntries(entries));
  if (update.changed.length !== 1 || update.removed.length !== 0) throw new Error(`unexpected update ${JSON.stringify(update)}`);
  inPlace.push(ms);
  if (n === 0) afterOneEdit = await compareWithRebuild(retriever, entries, synonyms);
}
// A knowledge base re-read from disk: every entry is a new object, so every document is hashed again.
const reloaded: number[] = [];
for (let n = 0; n < 3; n++) {
  const fresh = structuredClone(swapped(entries, revise(targets[ROUNDS + n] as Entry, ROUNDS + n)));
  const [update, ms] = time(() => retriever.updateEntries(fresh));
  if (update.changed.length !== 1) throw new Error(`unexpected update ${JSON.stringify(update)}`);
  entries = fresh;
  reloaded.push(ms);
}
// A removal (unpublished entry) and the same entry coming back.
const victim = targets[ROUNDS + 3] as Entry;
const [, removeMs] = time(() => retriever.updateEntries(entries.filter((entry) => entry.id !== victim.id)));
const [, restoreMs] = time(() => retriever.updateEntries(entries));
const afterAllEdits = await compareWithRebuild(retriever, entries, synonyms);

const rebuild = new Retriever({ entries: [], synonyms });
const fullRebuild = Array.from({ length: 3 }, () => time(() => rebuild.replaceEntries(entries))[1]);

console.log(
  JSON.stringify(
    {
      entries: knowledge.entries.length,
      searchable: retriever.documents.length,
      fullBuildMs: round(fullBuildMs),
      buildCorpusMs: round(corpusMs),
      updateOneEntryMs: { median: round(median(inPlace)), all: inPlace.map(round) },
      updateOneEntryReloadedMs: { median: round(median(reloaded)), all: reloaded.map(round) },
      removeOneMs: round(removeMs),
      restoreOneMs: round(restoreMs),
      replaceEntriesNoCacheMs: { median: round(median(fullRebuild)), all: fullRebuild.map(round) },
      driftAfterOneEdit: afterOneEdit,
      driftAfterTwelveEdits: afterAllEdits,
    },
    null,
    2,
  ),
);
