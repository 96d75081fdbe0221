import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from '../shared/atomic-write.js';

/**
 * Parsed knowledge files remembered by path, size and modification time, so that a restart with unchanged
 * files skips YAML parsing and validation (seconds for the whole catalogue). Stored in DATA_DIR, never shipped.
 */
export interface ParseCache<T> {
  get(file: string, fingerprint: string): T | undefined;
  set(file: string, fingerprint: string, value: T): void;
  /** Writes the cache if anything changed; drops files that were not seen this time. */
  save(): Promise<void>;
}

// 4: a header line with a CRC-32 of the body, then one line per remembered file, `[file, fingerprint, value]`.
// Lines are parsed one at a time, so a start never holds the whole body as one string (two bytes a character once it
// holds Vietnamese) beside the objects parsed from it: 3 (one JSON object) peaked ~80 MB higher for the same data.
const VERSION = 4;
const NEWLINE = 0x0a;

/** A file's fingerprint: size and modification time. */
export async function fingerprintFile(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return `${info.size}:${Math.trunc(info.mtimeMs)}`;
  } catch {
    return undefined;
  }
}

/**
 * Opens (or starts) a parse cache. An unreadable, foreign or damaged cache file (its CRC-32 does not match) is
 * ignored, and so is any remembered value that fails `isValue`: the cache can only save time, never break a start.
 */
export async function openParseCache<T>(cacheFile: string | undefined, schemaVersion: string, isValue: (value: unknown) => boolean = () => true): Promise<ParseCache<T>> {
  const stored = new Map<string, { fingerprint: string; value: T }>();
  if (cacheFile) {
    try {
      const bytes = await readFile(cacheFile);
      const newline = bytes.indexOf(NEWLINE);
      const header = JSON.parse(bytes.subarray(0, Math.max(newline, 0)).toString('utf8')) as { version?: number; schema?: string; crc32?: number };
      const body = bytes.subarray(newline + 1);
      if (newline > 0 && header.version === VERSION && header.schema === schemaVersion && header.crc32 === crc32(body)) {
        for (let start = 0; start < body.length; ) {
          const end = body.indexOf(NEWLINE, start);
          const stop = end === -1 ? body.length : end;
          const item = JSON.parse(body.toString('utf8', start, stop)) as unknown;
          start = stop + 1;
          if (!Array.isArray(item) || item.length !== 3) continue;
          const [file, fingerprint, value] = item as unknown[];
          if (typeof file === 'string' && typeof fingerprint === 'string' && isValue(value)) stored.set(file, { fingerprint, value: value as T });
        }
      }
    } catch {
      // Missing or corrupt: rebuilt below from the files themselves (nothing half-read is kept).
      stored.clear();
    }
  }
  const seen = new Map<string, { fingerprint: string; value: T }>();
  let changed = false;
  return {
    get(file, fingerprint) {
      const hit = stored.get(file);
      if (!hit || hit.fingerprint !== fingerprint) return undefined;
      seen.set(file, hit);
      return hit.value;
    },
    set(file, fingerprint, value) {
      seen.set(file, { fingerprint, value });
      changed = true;
    },
    async save() {
      if (!cacheFile || (!changed && seen.size === stored.size)) return;
      await mkdir(path.dirname(cacheFile), { recursive: true });
      // Line by line into buffers: never the whole body as one string either.
      const body = Buffer.concat([...seen].map(([file, { fingerprint, value }]) => Buffer.from(`${JSON.stringify([file, fingerprint, value])}\n`, 'utf8')));
      const header = JSON.stringify({ version: VERSION, schema: schemaVersion, crc32: crc32(body) });
      await writeFileAtomic(cacheFile, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]));
    },
  };
}
