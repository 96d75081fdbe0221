import { createHash } from 'node:crypto';
import { entryHash } from '../../knowledge/entry-hash.js';
import { isCatalogueEntry, type Entry } from '../../knowledge/schema.js';

/** The text of one searchable entry, split into the fields the lexical index weighs differently. */
export interface SearchDocument {
  id: string;
  entry: Entry;
  /** Catalogue records folded into this curated entry (their official text stays citable). */
  folded: Entry[];
  /** Derived from the entry on each read (not kept): read it once per use. */
  readonly fields: {
    title: string[];
    aliases: string[];
    official: string[];
    summary: string[];
    body: string[];
  };
  /** Section chunks for the dense index, derived on each read like `fields`. */
  readonly chunks: { section: string; text: string }[];
  /** Content hash: changes whenever anything indexed changes. */
  hash: string;
}

/** The searchable knowledge: curated entries with their folded records, plus every uncovered catalogue record. */
export interface Corpus {
  documents: SearchDocument[];
  byId: Map<string, SearchDocument>;
  /** Catalogue id → the curated entry it is folded into. */
  foldedInto: Map<string, string>;
}

// Long official passages add noise and memory, not findability: the first part names what matters.
const BODY_LIMIT = 1_500;

export interface BuildCorpusOptions {
  /**
   * A previous corpus whose documents are reused when their entry and folded records are the very same objects
   * (entries are immutable values: a revision is a new object). Hashing every entry is most of a build (~250 ms
   * on 2,700 entries), so an edit that swaps one object in the array re-hashes only what it touched.
   */
  reuse?: Corpus;
}

/** Folds catalogue records into the curated entries that cover their codes and builds the search documents. */
export function buildCorpus(entries: Entry[], { reuse }: BuildCorpusOptions = {}): Corpus {
  const published = entries.filter((entry) => entry.status === 'published');
  const curatedByCode = new Map<string, string>();
  for (const entry of published) {
    if (!isCatalogueEntry(entry)) for (const code of entry.codes) if (!curatedByCode.has(code)) curatedByCode.set(code, entry.id);
  }
  const foldedInto = new Map<string, string>();
  const foldedBy = new Map<string, Entry[]>();
  for (const entry of published) {
    if (!isCatalogueEntry(entry)) continue;
    const owner = entry.codes.map((code) => curatedByCode.get(code)).find(Boolean);
    if (!owner) continue;
    foldedInto.set(entry.id, owner);
    foldedBy.set(owner, [...(foldedBy.get(owner) ?? []), entry]);
  }
  const documents = published
    .filter((entry) => !foldedInto.has(entry.id))
    .map((entry) => {
      const folded = foldedBy.get(entry.id) ?? [];
      const previous = reuse?.byId.get(entry.id);
      return previous && previous.entry === entry && sameObjects(previous.folded, folded) ? previous : buildSearchDocument(entry, folded);
    });
  return { documents, byId: new Map(documents.map((d) => [d.id, d])), foldedInto };
}

function sameObjects(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}

/**
 * Builds the searchable document of one entry (and the records folded into it). Its `fields` and `chunks` are
 * derived from the entry each time they are read, not kept: they are read only to analyse a document whose
 * analysis is not cached and to embed it, and kept they would copy ~15 million characters of the entries' text
 * (~30 MB of heap, as two-byte strings) for the life of the process (docs/retrieval.md, "Start-up caches").
 */
export function buildSearchDocument(entry: Entry, folded: Entry[] = []): SearchDocument {
  const official = folded.map((record) => record.title.vi);
  // The entry's own hash is remembered per entry (and by the parse cache): only the folded titles are hashed here.
  const hash = createHash('sha256').update(`${entryHash(entry)}\n${JSON.stringify(official)}`).digest('hex').slice(0, 16);
  return {
    id: entry.id,
    entry,
    folded,
    hash,
    get fields() {
      return searchFields(entry, official);
    },
    get chunks() {
      return searchChunks(entry, official);
    },
  };
}

function searchFields(entry: Entry, official: string[]): SearchDocument['fields'] {
  const body = [
    ...documentLines(entry),
    ...entry.steps,
    ...entry.conditions,
    ...entry.result,
    ...entry.notes,
    entry.raw?.documents ?? '',
    entry.raw?.steps ?? '',
  ]
    .join('\n')
    .slice(0, BODY_LIMIT);
  return {
    title: [entry.title.vi, entry.title.en ?? ''],
    aliases: [...entry.aliases.vi, ...entry.aliases.en],
    official: [...official],
    summary: [entry.summary?.vi ?? '', entry.summary?.en ?? '', entry.field ?? ''],
    body: [body],
  };
}

function searchChunks(entry: Entry, official: string[]): SearchDocument['chunks'] {
  const fees = entry.channels.map((c) => [c.fee?.text, c.time ? `${c.time.value} ${c.time.unit ?? ''}` : '', c.description].filter(Boolean).join(' '));
  const documentsText = documentLines(entry);
  const overview = [entry.title.vi, entry.title.en, ...entry.aliases.vi, ...entry.aliases.en, entry.summary?.vi, entry.summary?.en, ...official]
    .filter(Boolean)
    .join('\n');
  return [
    { section: 'overview', text: overview },
    { section: 'documents', text: `${entry.title.vi}\n${documentsText.join('\n') || entry.raw?.documents?.slice(0, 1500) || ''}` },
    { section: 'steps', text: `${entry.title.vi}\n${entry.steps.join('\n') || entry.raw?.steps?.slice(0, 1500) || ''}` },
    { section: 'conditions', text: `${entry.title.vi}\n${[...entry.conditions, ...entry.result].join('\n')}` },
    { section: 'fees', text: `${entry.title.vi}\n${fees.join('\n')}` },
  ].filter((chunk) => chunk.text.trim().length > entry.title.vi.length + 1 || chunk.section === 'overview');
}

function documentLines(entry: Entry): string[] {
  return entry.documents.map((d) => [d.name, d.form, d.note].filter(Boolean).join(' '));
}
