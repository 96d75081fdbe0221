import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findStaleReason, writeStamp } from '../../../scripts/build-if-stale.mjs';

const SCRIPT = path.resolve('scripts/build-if-stale.mjs');
const roots: string[] = [];

/** A project in miniature: sources, configs and (optionally) the build's outputs. */
function buildProject({ built = true } = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ward-build-stale-'));
  roots.push(root);
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'tiny', scripts: { build: 'node make.mjs' } }),
    'package-lock.json': '{}',
    'tsconfig.json': '{}',
    'src/main.ts': 'export const a = 1;\n',
    'kiosk-ui/src/app.ts': 'export const b = 2;\n',
    'kiosk-ui/vite.config.ts': 'export default {};\n',
    // Stands in for tsc and vite: writes the outputs, then the stamp, as `npm run build` does.
    'make.mjs': `import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('dist/src', { recursive: true }); mkdirSync('kiosk-ui/dist', { recursive: true });
writeFileSync('dist/src/main.js', ''); writeFileSync('kiosk-ui/dist/index.html', '');
const { writeStamp } = await import(${JSON.stringify(SCRIPT)}); writeStamp(process.cwd());\n`,
  };
  if (built) Object.assign(files, { 'dist/src/main.js': '', 'kiosk-ui/dist/index.html': '' });
  for (const [file, text] of Object.entries(files)) write(root, file, text);
  return root;
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('build-if-stale', () => {
  it('builds a fresh clone: no outputs, no stamp', () => {
    expect(findStaleReason(buildProject({ built: false }))).toBe('dist/src/main.js is missing');
  });

  it('builds when outputs exist but no build stamped them', () => {
    expect(findStaleReason(buildProject())).toBe('no build stamp');
  });

  it('does not rebuild an up-to-date build', () => {
    const root = buildProject();
    writeStamp(root);
    expect(findStaleReason(root)).toBeUndefined();
  });

  it.each([
    ['a changed server source', 'src/main.ts', 'export const a = 2;\n'],
    ['a new server source', 'src/other.ts', 'export {};\n'],
    ['a changed UI source', 'kiosk-ui/src/app.ts', 'export const b = 3;\n'],
    ['a changed vite config', 'kiosk-ui/vite.config.ts', 'export default { base: "/x/" };\n'],
    ['a changed tsconfig', 'tsconfig.json', '{"compilerOptions":{}}'],
    ['a changed lock file', 'package-lock.json', '{"lockfileVersion":3}'],
  ])('rebuilds after %s', (_what, file, text) => {
    const root = buildProject();
    writeStamp(root);
    write(root, file, text);
    expect(findStaleReason(root)).toBe('sources changed since the last build');
  });

  it('rebuilds when an output was deleted after the build', () => {
    const root = buildProject();
    writeStamp(root);
    rmSync(path.join(root, 'kiosk-ui/dist/index.html'));
    expect(findStaleReason(root)).toBe('kiosk-ui/dist/index.html is missing');
  });

  it('ignores a touched file whose contents did not change, and the outputs themselves', () => {
    const root = buildProject();
    writeStamp(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/main.ts'), later, later);
    write(root, 'kiosk-ui/dist/assets/app.js', 'built();');
    expect(findStaleReason(root)).toBeUndefined();
  });

  it('runs the build only when stale, as the prestart hook', () => {
    const root = buildProject({ built: false });
    // The script works from its own folder's parent; a copy sits in the miniature project as it does in the real one.
    write(root, 'scripts/build-if-stale.mjs', readFileSync(SCRIPT, 'utf8'));
    const copy = path.join(root, 'scripts/build-if-stale.mjs');
    const runCopy = () => spawnSync(process.execPath, [copy], { cwd: root, encoding: 'utf8' });
    const first = runCopy();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('building: dist/src/main.js is missing');
    expect(findStaleReason(root)).toBeUndefined();
    const second = runCopy();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('up to date');
  });

  it('is wired into npm start and npm run build', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['prestart']).toBe('node scripts/build-if-stale.mjs');
    expect(scripts['build']).toMatch(/&& node scripts\/build-if-stale\.mjs --stamp$/);
  });
});
