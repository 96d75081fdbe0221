import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadKnowledge, parseEntryFile, type KnowledgeProblem } from '../../../src/knowledge/load.js';
import { EntrySchema } from '../../../src/knowledge/schema.js';
import { buildCatalogueEntry, buildCuratedEntry } from '../../helpers/knowledge.js';

// Pieces of YAML syntax, so generated text is often almost-YAML rather than plain noise.
const YAML_TOKENS = [
  'id: ', 'dang-ky-khai-sinh', 'title:', '  vi: ', '  en: ', 'aliases:', '- ', '  - ', 'levels: [xã]', 'verified: true',
  'updatedAt: 2026-01-01', 'codes: [1.001193]', '&a ', '*a', '<<: *a', '!!binary ', '!!str ', '!!map', '!!set', '!!timestamp ',
  '!custom ', '{', '}', '[', ']', '"', "'", ': ', '? ', '|', '>', '%YAML 1.2', '---', '...', '#', '\t', '\n', '  ', '\r\n',
  '~', 'null', '.nan', '0x1F', '1e400', '<script>', '\u0000', '\uFEFF',
];
const yamlishText = fc.array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
const ENTRY_KEYS = new Set(Object.keys(EntrySchema.shape));
const SPECIAL_FIELDS = new Set(['(yaml)', '(root)', '(file)']);

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ward-knowledge-prop-'));
  // The yaml package reports unknown tags (`!custom`) as process warnings and reads them as plain values, which the
  // schema then judges; hundreds of generated files would flood the test output with them.
  vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
});
afterAll(() => {
  vi.restoreAllMocks();
});

/** Writes `text` as `<folder>/<name>.yaml` in a fresh knowledge folder and returns the file. */
async function writeEntryFile(text: string, folder: 'curated' | 'catalogue' = 'curated', name = 'dang-ky-khai-sinh'): Promise<string> {
  const dir = path.join(root, String(counter++), folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(file, text, 'utf8');
  return file;
}

/** A problem names the file as shown and a field: a known entry field's dot path, or a whole-file marker. */
function expectWellFormedProblems(problems: KnowledgeProblem[], shownAs: string): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.file).toBe(shownAs);
    expect(typeof problem.message === 'string' && problem.message.length > 0).toBe(true);
    const head = problem.field.split('.')[0] ?? '';
    expect(SPECIAL_FIELDS.has(problem.field) || ENTRY_KEYS.has(head), `field "${problem.field}"`).toBe(true);
  }
}

describe('knowledge files under arbitrary content', () => {
  it('parseEntryFile never throws on arbitrary text: an entry, or problems naming file and field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlishText), async (text) => {
        const file = await writeEntryFile(text);
        const result = await parseEntryFile(file, 'curated/dang-ky-khai-sinh.yaml');
        if (!result.ok) expectWellFormedProblems(result.problems, 'curated/dang-ky-khai-sinh.yaml');
      }),
      { numRuns: 200 },
    );
  });

  it('parseEntryFile never throws on arbitrary objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.object({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 })), async (value) => {
        const file = await writeEntryFile(stringify(value));
        const result = await parseEntryFile(file, 'x.yaml');
        if (!result.ok) expectWellFormedProblems(result.problems, 'x.yaml');
      }),
      { numRuns: 150 },
    );
  });

  it('names the broken field when one field of a valid entry is replaced by anything', async () => {
    const keys = [...ENTRY_KEYS];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 40 })), async (key, value) => {
        const entry: Record<string, unknown> = { ...buildCuratedEntry(), [key]: value };
        const file = await writeEntryFile(stringify(entry));
        const result = await parseEntryFile(file, 'curated/dang-ky-khai-sinh.yaml');
        if (result.ok) return;
        expectWellFormedProblems(result.problems, 'curated/dang-ky-khai-sinh.yaml');
        // The cross-field rule "a verified entry cites a code or a law" reports on `verified`.
        const named = result.problems.some((p) => p.field.split('.')[0] === key || (key === 'codes' && p.field === 'verified'));
        expect(named, `${key}: ${JSON.stringify(result.problems)}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('loadKnowledge serves the good files and reports every bad one by name, whatever the others hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(yamlishText, fc.object({ maxDepth: 2 }).map((o) => stringify(o))), { maxLength: 5 }), async (texts) => {
        const dir = path.join(root, String(counter++));
        await mkdir(path.join(dir, 'curated'), { recursive: true });
        await mkdir(path.join(dir, 'catalogue'), { recursive: true });
        await writeFile(path.join(dir, 'curated', 'dang-ky-khai-sinh.yaml'), stringify(buildCuratedEntry()));
        await writeFile(path.join(dir, 'catalogue', '1.001193.yaml'), stringify(buildCatalogueEntry('1.001193')));
        await writeFile(path.join(dir, 'synonyms.yaml'), stringify({ synonyms: [] }));
        await Promise.all(texts.map((text, i) => writeFile(path.join(dir, 'curated', `bad-${i}.yaml`), text)));
        const loaded = await loadKnowledge(dir, { relativeTo: dir });
        expect(loaded.entries.map((e) => e.id).sort()).toEqual(['dang-ky-khai-sinh', 'dvc-1.001193']);
        expect(loaded.fileCount).toBe(2 + texts.length);
        const named = new Set(loaded.problems.map((p) => p.file));
        for (let i = 0; i < texts.length; i++) expect(named.has(`curated/bad-${i}.yaml`)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a YAML alias bomb as a problem, not a hang', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const result = await parseEntryFile(await writeEntryFile(bomb), 'bomb.yaml');
    expect(result.ok).toBe(false);
  });
});
