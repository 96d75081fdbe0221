/**
 * The rooms of issue 18 stay apart: the code that serves citizens never imports the officials' workbench, storage
 * imports no capability (its factory aside), the PostgreSQL adapter borrows nothing from the SQLite one, and no
 * folder of src/ imports a folder that imports it back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Every .ts file of src/, relative to it, with the files its relative imports and re-exports resolve to. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) =>
      path.normalize(path.join(path.dirname(file), match[1]!)).replace(/\.js$/, '.ts'),
    );
    graph.set(file.split(path.sep).join('/'), targets.map((target) => target.split(path.sep).join('/')));
  }
  return graph;
}

const graph = importGraph();
const folderOf = (file: string) => file.split('/')[0]!.replace(/\.ts$/, '');
const importsOf = (prefix: string) => [...graph].filter(([file]) => file.startsWith(prefix)).flatMap(([file, targets]) => targets.map((target) => `${file} → ${target}`));

describe('import direction', () => {
  it('reads the imports of src/', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('keeps chat, retrieval, speech and the knowledge in force away from the workbench', () => {
    for (const room of ['chat/', 'retrieval/', 'speech/', 'knowledge/', 'understand/', 'text/']) {
      expect(importsOf(room).filter((edge) => edge.split(' → ')[1]!.startsWith('admin/'))).toEqual([]);
    }
  });

  it('keeps storage free of the capabilities, the factory injecting the dossiers’ reference codes aside', () => {
    const outward = importsOf('storage/').filter((edge) => {
      const [from, to] = edge.split(' → ') as [string, string];
      if (from === 'storage/open-storage.ts' && to === 'dossiers/reference-code.ts') return false;
      return !['storage', 'shared', 'config'].includes(folderOf(to));
    });
    expect(outward).toEqual([]);
  });

  it('keeps the PostgreSQL adapter from borrowing the SQLite one', () => {
    expect(importsOf('storage/postgres/').filter((edge) => edge.split(' → ')[1]!.startsWith('storage/sqlite/'))).toEqual([]);
  });

  it('has no folder that imports a folder importing it back', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (folderOf(file) === folderOf(target)) continue;
        if (!folders.has(folderOf(file))) folders.set(folderOf(file), new Set());
        folders.get(folderOf(file))!.add(folderOf(target));
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(folders.get(from) ?? [])].some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    const cycles = [...folders.keys()].filter((folder) => folder !== 'main' && reaches(folder, folder));
    expect(cycles).toEqual([]);
  });
});
