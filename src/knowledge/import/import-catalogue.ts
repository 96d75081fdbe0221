import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { toFieldErrors } from '../../shared/zod-errors.js';
import { parse } from 'yaml';
import { serializeEntry, writeFileIfChanged } from '../files.js';
import { expectedFileName } from '../load.js';
import { AliasesSchema, EntrySchema, type Entry } from '../schema.js';
import { importRecord, type RawField } from './import-record.js';
import { DvcRecordSchema } from './record-schema.js';

const RAW_FIELDS: RawField[] = ['channels', 'documents', 'legalBasis', 'steps', 'conditions', 'result'];
const WRITE_CONCURRENCY = 32;

/** Totals of one import run. */
export interface ImportTotals {
  read: number;
  imported: number;
  skipped: number;
  parsedFully: number;
  fallbacks: Record<RawField, number>;
  written: number;
  unchanged: number;
}

export interface ImportCatalogueOptions {
  /** Where problems go, one `<file>:<line>: <field>: <problem>` line each. */
  report?: (line: string) => void;
  /** How the input file is named in problems; defaults to the path given. */
  shownAs?: string;
  /** Also report each field kept as official text, with the reason, for reviewers. */
  reportFallbacks?: boolean;
}

/** The input file could not be opened: the only failure that stops an import. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

/**
 * Imports every line of the catalogue JSONL into `<outDir>/<code>.yaml`. A bad line is reported and skipped;
 * only files whose content changes are written, and files of codes absent from the input are left alone.
 */
export async function importCatalogue(inputFile: string, outDir: string, options: ImportCatalogueOptions = {}): Promise<ImportTotals> {
  const { report = (line: string) => console.log(line), shownAs = inputFile, reportFallbacks = false } = options;
  await assertReadableFile(inputFile);
  await mkdir(outDir, { recursive: true });
  const totals: ImportTotals = {
    read: 0,
    imported: 0,
    skipped: 0,
    parsedFully: 0,
    fallbacks: { channels: 0, documents: 0, legalBasis: 0, steps: 0, conditions: 0, result: 0 },
    written: 0,
    unchanged: 0,
  };
  const files = new Map<string, { entry: Entry; line: number }>();
  const problem = (line: number, field: string, message: string) => report(`${shownAs}:${line}: ${field}: ${message}`);

  const lines = createInterface({ input: createReadStream(inputFile, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    totals.read += 1;
    const converted = convertLine(line, lineNumber, problem, totals, reportFallbacks);
    if (!converted) {
      totals.skipped += 1;
      continue;
    }
    const earlier = files.get(converted.name);
    if (earlier) {
      problem(lineNumber, 'ma_thu_tuc', `the same code is on line ${earlier.line}; this line is skipped`);
      totals.skipped += 1;
      continue;
    }
    files.set(converted.name, { entry: converted.entry, line: lineNumber });
    totals.imported += 1;
  }

  await mapLimit([...files.entries()], WRITE_CONCURRENCY, async ([name, { entry }]) => {
    const text = (current: string | undefined) => {
      const aliases = aliasesIn(current);
      return serializeEntry(aliases ? { ...entry, aliases } : entry);
    };
    if (await writeFileIfChanged(path.join(outDir, name), text)) totals.written += 1;
    else totals.unchanged += 1;
  });
  return totals;
}

function convertLine(
  line: string,
  lineNumber: number,
  problem: (line: number, field: string, message: string) => void,
  totals: ImportTotals,
  reportFallbacks: boolean,
): { name: string; entry: Entry } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    problem(lineNumber, '(json)', `not a JSON object: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const record = DvcRecordSchema.safeParse(json);
  if (!record.success) {
    for (const { field, message } of toFieldErrors(record.error)) problem(lineNumber, field, message);
    return undefined;
  }
  const imported = importRecord(record.data);
  if (imported.problems.length > 0) {
    for (const { field, message } of imported.problems) problem(lineNumber, field, message);
    return undefined;
  }
  const entry = EntrySchema.safeParse(imported.entry);
  if (!entry.success) {
    for (const { field, message } of toFieldErrors(entry.error)) problem(lineNumber, field, message);
    return undefined;
  }
  if (imported.fallbacks.length === 0) totals.parsedFully += 1;
  for (const { field, reason } of imported.fallbacks) {
    totals.fallbacks[field] += 1;
    if (reportFallbacks) problem(lineNumber, field, `kept as official text: ${reason}`);
  }
  return { name: expectedFileName(entry.data.id), entry: entry.data };
}

/**
 * The everyday names written on a record's file (the catalogue has none of its own: officials and the project add
 * them, docs/decisions.md): a new import of the official text keeps them. A file that cannot be read as an entry
 * keeps nothing; the import then writes the record as the catalogue gives it.
 */
function aliasesIn(text: string | undefined): Entry['aliases'] | undefined {
  if (text === undefined) return undefined;
  let current: unknown;
  try {
    current = parse(text);
  } catch {
    return undefined;
  }
  const aliases = AliasesSchema.safeParse((current as { aliases?: unknown } | null)?.aliases);
  return aliases.success && aliases.data.vi.length + aliases.data.en.length > 0 ? aliases.data : undefined;
}

async function assertReadableFile(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportInputError(`${file} is not a file`);
    // Opening proves read permission before any output is touched.
    const stream = createReadStream(file, { start: 0, end: 0 });
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.once('open', () => {
        stream.destroy();
        resolve();
      });
    });
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportInputError(code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${code ?? String(error)})`);
  }
}

/** The totals as the lines the command prints. */
export function formatTotals(totals: ImportTotals, outDir: string): string[] {
  const fallbacks = RAW_FIELDS.map((field) => `${field} ${totals.fallbacks[field]}`).join(', ');
  return [
    `${totals.read} records read: ${totals.imported} imported, ${totals.skipped} skipped.`,
    `${totals.parsedFully} parsed fully; official text kept verbatim (raw) for: ${fallbacks}.`,
    `${totals.written} files written, ${totals.unchanged} unchanged in ${outDir}.`,
  ];
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
}
