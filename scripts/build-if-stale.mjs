#!/usr/bin/env node
/**
 * `npm start` runs this first: it rebuilds (tsc + the two vite builds, ~6 s) only when the build is missing or its
 * inputs changed since the last build, so a start with an up-to-date build goes straight to the server.
 *
 * The build writes a stamp (`dist/build-stamp.json`) holding a hash of every input's path and contents; a start
 * compares that stamp with the inputs as they are now. Contents, not modification times: a `git checkout` or a copy
 * that touches every file must not force a rebuild, and an edit that keeps the same size and second must not be missed.
 * Plain JavaScript because it runs before anything is compiled.
 *
 *   node scripts/build-if-stale.mjs          build when stale (the `prestart` hook)
 *   node scripts/build-if-stale.mjs --stamp  record the current inputs as built (the last step of `npm run build`)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STAMP_VERSION = 1;

/** Folders and files whose contents the build depends on, relative to the project root. */
export const BUILD_INPUTS = ['src', 'kiosk-ui', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What a build produces; a missing one means stale whatever the stamp says. */
export const BUILD_OUTPUTS = ['dist/src/main.js', 'kiosk-ui/dist/index.html'];
/** Never inputs: outputs and installed packages inside the input folders. */
const SKIPPED_DIRS = new Set(['dist', 'node_modules', '.vite']);

/** Where the build's stamp lives. */
export function stampFile(root) {
  return path.join(root, 'dist', 'build-stamp.json');
}

/** A hash of every build input's relative path and contents, in a stable order. */
export function hashBuildInputs(root) {
  const hash = createHash('sha256');
  const files = [];
  for (const input of BUILD_INPUTS) collectFiles(root, input, files);
  files.sort();
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** Why the build must run, or undefined when it is up to date. */
export function findStaleReason(root) {
  for (const output of BUILD_OUTPUTS) {
    if (!exists(path.join(root, output))) return `${output} is missing`;
  }
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(root), 'utf8'));
  } catch {
    return 'no build stamp';
  }
  if (stamp?.version !== STAMP_VERSION || stamp.inputs !== hashBuildInputs(root)) return 'sources changed since the last build';
  return undefined;
}

/** Records the inputs as they are now as built. */
export function writeStamp(root) {
  mkdirSync(path.dirname(stampFile(root)), { recursive: true });
  writeFileSync(stampFile(root), `${JSON.stringify({ version: STAMP_VERSION, inputs: hashBuildInputs(root), builtAt: new Date().toISOString() })}\n`);
}

function collectFiles(root, relative, files) {
  let info;
  try {
    info = statSync(path.join(root, relative));
  } catch {
    return; // An optional input that is absent (tsconfig.build.json in a trimmed copy) changes nothing.
  }
  if (info.isFile()) {
    files.push(relative.split(path.sep).join('/'));
    return;
  }
  if (!info.isDirectory()) return;
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    collectFiles(root, path.join(relative, entry.name), files);
  }
}

function exists(file) {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.includes('--stamp')) {
    writeStamp(root);
    return;
  }
  const reason = findStaleReason(root);
  if (!reason) {
    console.log('build is up to date; starting without rebuilding');
    return;
  }
  console.log(`building: ${reason}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
