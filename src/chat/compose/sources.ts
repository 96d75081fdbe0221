import type { Entry, RawText } from '../../knowledge/schema.js';

type ListField = 'channels' | 'documents' | 'steps' | 'conditions' | 'result' | 'whoMayFile';

/** An entry's facts, with the catalogue records folded into it as a second source, remembering what was used. */
export interface Sources {
  entry: Entry;
  folded: readonly Entry[];
  /** Folded records whose fields went into the text, so that they are cited too. */
  used: Set<Entry>;
}

/** An official passage kept verbatim, and the record it belongs to (for its link). */
export interface RawPassage {
  text: string;
  from: Entry;
}

/** Builds the sources of one answer. */
export function createSources(entry: Entry, folded: readonly Entry[] = []): Sources {
  return { entry, folded: folded.filter((record) => record.id !== entry.id), used: new Set() };
}

/**
 * The structured list for a field: the entry's own (written for citizens) first, else the first folded record that
 * has one. Marks the folded record as used.
 */
export function pickList<F extends ListField>(sources: Sources, field: F): Entry[F] {
  if (sources.entry[field].length > 0) return sources.entry[field];
  for (const record of sources.folded) {
    if (record[field].length > 0) {
      sources.used.add(record);
      return record[field];
    }
  }
  return sources.entry[field];
}

/**
 * The official raw text of a field, only when no source has it in structure: a parsed list always wins over a
 * verbatim passage. Marks the folded record as used.
 */
export function pickRaw(sources: Sources, field: keyof RawText & ListField): RawPassage | undefined {
  if (peekList(sources, field)) return undefined;
  for (const record of [sources.entry, ...sources.folded]) {
    const text = record.raw?.[field];
    if (text && text.trim() !== '') {
      if (record !== sources.entry) sources.used.add(record);
      return { text, from: record };
    }
  }
  return undefined;
}

/** The list {@link pickList} would give, without marking anything as used (to decide what to offer). */
export function peekValue<F extends ListField>(sources: Sources, field: F): Entry[F] {
  const record = [sources.entry, ...sources.folded].find((r) => r[field].length > 0);
  return (record ?? sources.entry)[field];
}

/** True when some source has the field in structure (nothing is marked as used). */
export function peekList(sources: Sources, field: ListField): boolean {
  return [sources.entry, ...sources.folded].some((record) => record[field].length > 0);
}

/** True when some source has the field, in structure or as raw text (nothing is marked as used). */
export function hasField(sources: Sources, field: keyof RawText & ListField): boolean {
  return peekList(sources, field) || [sources.entry, ...sources.folded].some((record) => Boolean(record.raw?.[field]?.trim()));
}

/** The receiving and deciding agencies: the entry's own, else a folded record's. */
export function pickAgencies(sources: Sources): Entry['agencies'] {
  const own = sources.entry.agencies;
  if (own.receiving || own.deciding) return own;
  const record = sources.folded.find((r) => r.agencies.receiving || r.agencies.deciding);
  if (!record) return own;
  sources.used.add(record);
  return record.agencies;
}

/** The procedure page: the entry's own, else a folded record's. */
export function pickUrl(sources: Sources): string | undefined {
  if (sources.entry.url) return sources.entry.url;
  const record = sources.folded.find((r) => r.url);
  if (record) sources.used.add(record);
  return record?.url;
}
