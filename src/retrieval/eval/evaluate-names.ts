import type { Entry } from '../../knowledge/schema.js';
import { foldOfficialName } from '../search/code-lookup.js';
import type { SearchResponse } from '../search/retriever.js';

/** How a procedure is asked for by name or code: the query built from its record. */
export type NameQueryKind = 'exact-name' | 'code' | 'code-in-sentence' | 'name-and-aspect';

const QUERIES: Record<NameQueryKind, (record: Entry) => string> = {
  'exact-name': (record) => record.title.vi,
  code: (record) => record.codes[0] ?? record.id,
  'code-in-sentence': (record) => `thủ tục ${record.codes[0] ?? record.id} cần giấy tờ gì`,
  'name-and-aspect': (record) => `${record.title.vi} lệ phí bao nhiêu`,
};

/** Per query kind: asked, came first, came first as a twin (a record of the same official name), missed. */
export interface NameLookupReport {
  records: number;
  kinds: Record<NameQueryKind, { first: number; twin: number; missed: string[] }>;
}

export interface EvaluateNamesOptions {
  records: readonly Entry[];
  search: (query: string) => Promise<SearchResponse>;
  /** The searchable entry a record is answered by (itself, or the curated entry it is folded into). */
  resolve: (id: string) => Entry | undefined;
  kinds?: readonly NameQueryKind[];
}

/**
 * Asks for each record by its exact official name and by its national code, and counts how often the entry that
 * answers it comes first; a first result that is another record of the very same name counts as a twin, not a miss.
 */
export async function evaluateNames(options: EvaluateNamesOptions): Promise<NameLookupReport> {
  const kinds = options.kinds ?? (Object.keys(QUERIES) as NameQueryKind[]);
  const report: NameLookupReport = { records: options.records.length, kinds: {} as NameLookupReport['kinds'] };
  for (const kind of kinds) {
    const tally = { first: 0, twin: 0, missed: [] as string[] };
    for (const record of options.records) {
      const expected = options.resolve(record.id)?.id ?? record.id;
      const top = (await options.search(QUERIES[kind](record))).results[0];
      const topEntry = top ? options.resolve(top.id) : undefined;
      if (top?.id === expected) tally.first += 1;
      else if (topEntry && foldOfficialName(topEntry.title.vi) === foldOfficialName(record.title.vi)) tally.twin += 1;
      else tally.missed.push(`${record.codes[0] ?? record.id} → ${top?.id ?? '(none)'}`);
    }
    report.kinds[kind] = tally;
  }
  return report;
}

/** The report as lines: rate first (twins aside), then the misses. */
export function formatNamesReport(report: NameLookupReport): string[] {
  const lines: string[] = [];
  for (const [kind, tally] of Object.entries(report.kinds)) {
    const counted = report.records - tally.twin;
    const rate = counted > 0 ? ((100 * tally.first) / counted).toFixed(1) : '—';
    lines.push(`${kind}: ${tally.first}/${counted} first (${rate}%), ${tally.twin} twins aside, ${tally.missed.length} missed`);
    for (const miss of tally.missed.slice(0, 10)) lines.push(`  missed ${miss}`);
  }
  return lines;
}
