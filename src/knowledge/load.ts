import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { toFieldErrors } from '../shared/zod-errors.js';
import { foldForMatch } from '../text/index.js';
import { entryHash, rememberEntryHash } from './entry-hash.js';
import { fingerprintFileSync, openParseCache, type LaterPart } from './parse-cache.js';
import {
  CATALOGUE_ID_PREFIX,
  EntrySchema,
  SynonymsFileSchema,
  WardSettingsSchema,
  type Entry,
  type SynonymGroup,
  type WardSettings,
} from './schema.js';
import { curatedCoverage, findSituationProcedureProblems, SituationSchema, type Situation } from './situation-schema.js';

/** One defect found in a knowledge file: `file: field: problem`. */
export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

/** The shipped knowledge base as loaded from files, with every defect found on the way. */
export interface LoadedKnowledge {
  entries: Entry[];
  synonyms: SynonymGroup[];
  /** Life situations (`situations/<id>.yaml`); procedures no entry has are reported and left out. */
  situations: Situation[];
  problems: KnowledgeProblem[];
  /** Files read, including bad ones. */
  fileCount: number;
}

export interface LoadKnowledgeOptions {
  /** Paths in problems are shown relative to this folder. */
  relativeTo?: string;
  /** Where parsed files are remembered between starts (DATA_DIR/cache/knowledge.json); none when omitted. */
  cacheFile?: string;
}

// Bump when the entry schema changes meaning, so cached parses from an older release are not reused.
// entry-v2: entries cached as their head, their hash and their official text apart (ENTRY_HEAD).
const PARSE_CACHE_SCHEMA = 'entry-v2';

const SUBDIRS = ['curated', 'catalogue'] as const;
const READ_CONCURRENCY = 64;

/** Formats a problem as the one line `knowledge:check` and the start-up log print. */
export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

/** Loads every entry of `knowledge/curated` and `knowledge/catalogue`, the situations and the synonyms; bad files are reported and skipped. */
export async function loadKnowledge(dir: string, { relativeTo = process.cwd(), cacheFile }: LoadKnowledgeOptions = {}): Promise<LoadedKnowledge> {
  const problems: KnowledgeProblem[] = [];
  const display = (file: string) => path.relative(relativeTo, file) || file;
  const files: string[] = [];
  for (const sub of SUBDIRS) {
    const names = await listYamlFiles(path.join(dir, sub));
    files.push(...names.map((name) => path.join(dir, sub, name)));
  }
  const cache = await openParseCache<ParsedFile>(cacheFile, PARSE_CACHE_SCHEMA, isParsedFile, ENTRY_LATER);
  const parsed = await mapLimit(files, READ_CONCURRENCY, async (file) => {
    const fingerprint = fingerprintFileSync(file);
    const cached = fingerprint ? cache.get(file, fingerprint) : undefined;
    if (cached) return cached;
    const result = await parseEntryFile(file, display(file));
    if (fingerprint) cache.set(file, fingerprint, result);
    return result;
  });
  await cache.save().catch(() => undefined);
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  for (const result of parsed) {
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { entry, file } = result;
    const firstFile = seen.get(entry.id);
    if (firstFile) {
      problems.push({ file, field: 'id', message: `duplicate id "${entry.id}", already defined in ${firstFile}; skipped` });
      continue;
    }
    seen.set(entry.id, file);
    entries.push(entry);
  }
  problems.push(...checkCoverage(entries, seen));
  // The synonyms and situations are parsed YAML values remembered the same way: the YAML parser, cold, takes
  // ~0.3 s for synonyms.yaml alone, more than everything else a warm start does with the knowledge.
  const yamlCache = await openParseCache<YamlRead>(cacheFile && yamlCacheFile(cacheFile), YAML_CACHE_SCHEMA, isYamlRead);
  const read = async (file: string, shownAs: string): Promise<YamlRead> => {
    const fingerprint = fingerprintFileSync(file);
    const cached = fingerprint ? yamlCache.get(file, fingerprint) : undefined;
    if (cached) return cached;
    const result = await readYaml(file, shownAs);
    if (fingerprint) yamlCache.set(file, fingerprint, result);
    return result;
  };
  const synonyms = await loadSynonyms(path.join(dir, 'synonyms.yaml'), display, problems, read);
  const situations = await loadSituations(path.join(dir, SITUATIONS_DIR), display, entries, problems, read);
  await yamlCache.save().catch(() => undefined);
  return { entries, synonyms, situations, problems, fileCount: files.length };
}

const SITUATIONS_DIR = 'situations';

/** Reads `situations/*.yaml`: a bad file is skipped, a procedure that cannot be offered is left out (both reported). */
async function loadSituations(dir: string, display: (f: string) => string, entries: Entry[], problems: KnowledgeProblem[], read = readYaml): Promise<Situation[]> {
  const situations: Situation[] = [];
  const ids = new Set(entries.map((entry) => entry.id));
  const lookup = { has: (id: string) => ids.has(id), coveredBy: curatedCoverage(entries) };
  for (const name of await listYamlFiles(dir)) {
    const file = path.join(dir, name);
    const shownAs = display(file);
    const data = await read(file, shownAs);
    if (!data.ok) {
      problems.push(...data.problems);
      continue;
    }
    const result = SituationSchema.safeParse(data.value);
    if (!result.success) {
      problems.push(...issuesToProblems(shownAs, result.error));
      continue;
    }
    const situation = result.data;
    if (path.basename(name, path.extname(name)) !== situation.id) {
      problems.push({ file: shownAs, field: 'id', message: `id "${situation.id}" must live in a file named ${situation.id}.yaml` });
      continue;
    }
    if (situations.some((other) => other.id === situation.id)) {
      problems.push({ file: shownAs, field: 'id', message: `duplicate situation id "${situation.id}"; skipped` });
      continue;
    }
    const bad = findSituationProcedureProblems(situation, lookup);
    for (const { index, id, reason, curatedId } of bad) {
      const why = { unknown: `no entry "${id}"`, repeated: `"${id}" is listed twice`, covered: `"${id}" is answered by the curated entry "${curatedId}"; list that one` }[reason];
      problems.push({ file: shownAs, field: `procedures.${index}.id`, message: `${why}; left out` });
    }
    const left = bad.length > 0 ? situation.procedures.filter((_, index) => !bad.some((p) => p.index === index)) : situation.procedures;
    if (left.length === 0) continue;
    situations.push({ ...situation, procedures: left });
  }
  return situations;
}

type ParsedFile = { ok: true; entry: Entry; file: string } | { ok: false; problems: KnowledgeProblem[] };

/**
 * What a catalogue record keeps in memory when it comes from the parse cache: what search, the result list and the
 * start read for every entry. The rest — documents, steps, channels, legal basis, the raw official text: ~35 MB of heap for the
 * 2,642 catalogue records — stays in the cache file and is read when used (~0.1 ms to read and parse one entry's;
 * the last 64 entries read are kept parsed), for the few entries an answer cites. A file parsed afresh keeps its
 * entry whole until the next start.
 */
const ENTRY_HEAD: ReadonlySet<string> = new Set(['id', 'codes', 'title', 'summary', 'aliases', 'levels', 'field', 'ministry', 'decision', 'url', 'status', 'verified', 'updatedAt', 'reviewedBy']);
// The schema's key order, which a parsed entry has: a rebuilt one has it too (same JSON, same hash).
const ENTRY_KEYS = Object.keys(EntrySchema.shape);

const ENTRY_LATER: LaterPart<ParsedFile> = {
  split(value) {
    if (!value.ok) return { now: value };
    // The 35 curated entries are small and answer most questions: kept whole.
    if (!value.entry.id.startsWith(CATALOGUE_ID_PREFIX)) return { now: { ...value, hash: entryHash(value.entry) } };
    const head: Record<string, unknown> = {};
    const later: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value.entry)) (ENTRY_HEAD.has(key) ? head : later)[key] = field;
    return { now: { ok: true, file: value.file, hash: entryHash(value.entry), entry: head, later: Object.keys(later) }, later };
  },
  join(now, later) {
    const value = now as ParsedFile & { hash?: unknown; later?: unknown };
    if (!value.ok) return value;
    const head = value.entry as unknown as Record<string, unknown>;
    const onDisk = Array.isArray(value.later) ? (value.later as unknown[]) : [];
    const entry = {} as Record<string, unknown>;
    for (const key of ENTRY_KEYS) {
      if (key in head) entry[key] = head[key];
      else if (onDisk.includes(key)) Object.defineProperty(entry, key, { enumerable: true, get: () => recentDetail(later)[key] });
    }
    if (typeof value.hash === 'string') rememberEntryHash(entry as Entry, value.hash);
    return { ok: true, entry: entry as Entry, file: value.file };
  },
};

// The official text of the entries read last, parsed: an answer reads several fields of the same few entries.
const RECENT_DETAILS = 64;
const recentDetails = new Map<() => unknown, Record<string, unknown>>();

function recentDetail(read: () => unknown): Record<string, unknown> {
  let detail = recentDetails.get(read);
  if (detail) recentDetails.delete(read);
  else detail = (read() ?? {}) as Record<string, unknown>;
  recentDetails.set(read, detail);
  if (recentDetails.size > RECENT_DETAILS) recentDetails.delete(recentDetails.keys().next().value as () => unknown);
  return detail;
}

/** The shape of a remembered parse (the cache's checksum already rules out a damaged file). */
function isParsedFile(value: unknown): boolean {
  const v = value as { ok?: unknown; entry?: { id?: unknown; title?: unknown }; file?: unknown; problems?: unknown } | null;
  if (typeof v !== 'object' || v === null) return false;
  if (v.ok === true) return typeof v.file === 'string' && typeof v.entry?.id === 'string' && typeof v.entry.title === 'object';
  return v.ok === false && Array.isArray(v.problems);
}

/** Reads and validates one entry file; never throws. */
export async function parseEntryFile(file: string, shownAs = file): Promise<ParsedFile> {
  const data = await readYaml(file, shownAs);
  if (!data.ok) return { ok: false, problems: data.problems };
  const result = EntrySchema.safeParse(data.value);
  if (!result.success) return { ok: false, problems: issuesToProblems(shownAs, result.error) };
  const expected = expectedFileName(result.data.id);
  if (path.basename(file, path.extname(file)) !== path.basename(expected, '.yaml')) {
    return { ok: false, problems: [{ file: shownAs, field: 'id', message: `id "${result.data.id}" must live in a file named ${expected}` }] };
  }
  const folder = path.basename(path.dirname(file));
  const catalogue = result.data.id.startsWith(CATALOGUE_ID_PREFIX);
  if ((folder === 'catalogue') !== catalogue) {
    return {
      ok: false,
      problems: [{ file: shownAs, field: 'id', message: catalogue ? 'catalogue ids (dvc-…) belong in catalogue/' : 'catalogue/ holds only dvc-<code> ids' }],
    };
  }
  return { ok: true, entry: result.data, file: shownAs };
}

/** The file name an entry id must have: `<id>.yaml`, or `<code>.yaml` for catalogue records. */
export function expectedFileName(id: string): string {
  return `${id.startsWith(CATALOGUE_ID_PREFIX) ? id.slice(CATALOGUE_ID_PREFIX.length) : id}.yaml`;
}

/** Loads and validates the ward settings file; returns problems instead of throwing. */
export async function loadWardSettings(
  file: string,
  shownAs = file,
): Promise<{ settings: WardSettings | undefined; problems: KnowledgeProblem[] }> {
  const data = await readYaml(file, shownAs);
  if (!data.ok) return { settings: undefined, problems: data.problems };
  const result = WardSettingsSchema.safeParse(data.value);
  if (!result.success) return { settings: undefined, problems: issuesToProblems(shownAs, result.error) };
  return { settings: result.data, problems: [] };
}

async function loadSynonyms(file: string, display: (f: string) => string, problems: KnowledgeProblem[], read = readYaml): Promise<SynonymGroup[]> {
  const data = await read(file, display(file));
  if (!data.ok) {
    problems.push(...data.problems);
    return [];
  }
  const result = SynonymsFileSchema.safeParse(data.value);
  if (!result.success) {
    problems.push(...issuesToProblems(display(file), result.error));
    return [];
  }
  return result.data.synonyms;
}

/**
 * A curated entry must cite codes that exist, and no national code may be claimed by two searchable entries unless one
 * folds the other: a catalogue record is folded (not searchable on its own) when a published curated entry lists one
 * of its codes. Two curated entries never share a code, whatever their status (docs/facts.md, "Duplicates").
 */
function checkCoverage(entries: Entry[], files: Map<string, string>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const fileOf = (entry: Entry) => files.get(entry.id) ?? entry.id;
  const catalogue = (entry: Entry) => entry.id.startsWith(CATALOGUE_ID_PREFIX);
  const catalogueCodes = new Set(entries.filter(catalogue).flatMap((e) => e.codes));
  for (const entry of entries) {
    if (catalogue(entry) || catalogueCodes.size === 0) continue;
    entry.codes.forEach((code, index) => {
      if (!catalogueCodes.has(code)) problems.push({ file: fileOf(entry), field: `codes.${index}`, message: `no catalogue record ${code}` });
    });
  }
  const folding = new Set(entries.filter((e) => !catalogue(e) && e.status === 'published').flatMap((e) => e.codes));
  const claimants = entries.filter((e) => !catalogue(e) || (e.status === 'published' && !e.codes.some((code) => folding.has(code))));
  const claimedBy = new Map<string, { entry: Entry; index: number }>();
  for (const entry of claimants) {
    entry.codes.forEach((code, index) => {
      const other = claimedBy.get(code);
      if (!other) {
        claimedBy.set(code, { entry, index });
        return;
      }
      problems.push({
        file: fileOf(entry),
        field: `codes.${index}`,
        message: `code ${code} is already covered by ${fileOf(other.entry)} (codes.${other.index}): two searchable entries answer for one national code; `
          + 'keep the code on one of them, or list it on a curated entry that folds the record',
      });
    });
  }
  return [...problems, ...checkAliases(claimants, fileOf)];
}

/**
 * An everyday name says which procedure a citizen means: two searchable entries may not share one (compared without
 * marks or case), or a citizen who says it could be sent to either (docs/decisions.md, "Everyday names").
 */
function checkAliases(searchable: Entry[], fileOf: (entry: Entry) => string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const namedBy = new Map<string, { entry: Entry; field: string }>();
  for (const entry of searchable) {
    for (const language of ['vi', 'en'] as const) {
      entry.aliases[language].forEach((alias, index) => {
        const key = foldForMatch(alias);
        const field = `aliases.${language}.${index}`;
        const other = namedBy.get(key);
        if (!other) namedBy.set(key, { entry, field });
        else if (other.entry !== entry) {
          problems.push({ file: fileOf(entry), field, message: `"${alias}" already names ${fileOf(other.entry)} (${other.field}): make each name say what only its procedure does` });
        }
      });
    }
  }
  return problems;
}

type YamlRead = { ok: true; value: unknown } | { ok: false; problems: KnowledgeProblem[] };

const YAML_CACHE_SCHEMA = 'yaml-v1';

/** Beside the entries' cache: `knowledge-cache.json` → `knowledge-cache.yaml.json`. */
function yamlCacheFile(cacheFile: string): string {
  return `${cacheFile.replace(/\.json$/, '')}.yaml.json`;
}

function isYamlRead(value: unknown): boolean {
  const v = value as { ok?: unknown; value?: unknown; problems?: unknown } | null;
  return typeof v === 'object' && v !== null && ((v.ok === true && 'value' in v) || (v.ok === false && Array.isArray(v.problems)));
}

async function readYaml(file: string, shownAs: string): Promise<YamlRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ file: shownAs, field: '(file)', message: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? 'error'})` }] };
  }
  try {
    const value: unknown = parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, problems: [{ file: shownAs, field: '(root)', message: 'expected a YAML mapping of fields' }] };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
      const reason = error.message.split('\n')[0] ?? 'invalid YAML';
      return { ok: false, problems: [{ file: shownAs, field: '(yaml)', message: `broken YAML${where}: ${reason.replace(/ at line \d+, column \d+:?$/, '')}` }] };
    }
    return { ok: false, problems: [{ file: shownAs, field: '(yaml)', message: 'broken YAML' }] };
  }
}

function issuesToProblems(file: string, error: z.ZodError): KnowledgeProblem[] {
  return toFieldErrors(error).map(({ field, message }) => ({ file, field, message }));
}

async function listYamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
