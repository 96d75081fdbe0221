import { createHash } from 'node:crypto';
import type { Entry } from './schema.js';

const hashes = new WeakMap<Entry, string>();

/**
 * A content hash of an entry (SHA-256 of its JSON), remembered per entry object: entries are immutable values, a
 * revision is a new object. The knowledge loader remembers the hash it computed when it parsed the file (kept in its
 * parse cache), so a warm start does not serialise and hash ~17 million characters again, nor read the official text
 * it leaves on disk (load.ts).
 */
export function entryHash(entry: Entry): string {
  let hash = hashes.get(entry);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(entry)).digest('hex');
    hashes.set(entry, hash);
  }
  return hash;
}

/** Records the hash of an entry rebuilt from the parse cache (computed by entryHash when its file was parsed). */
export function rememberEntryHash(entry: Entry, hash: string): void {
  hashes.set(entry, hash);
}
