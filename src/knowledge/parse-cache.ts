import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
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

/**
 * How a value is split into the part parsed when the cache opens and the part left in the cache file until it is
 * read (the long official text of a catalogue record, which most starts never need).
 */
export interface LaterPart<T> {
  split(value: T): { now: unknown; later?: unknown };
  /** The value from its `now` part and a reader of its `later` part (`undefined` when there was none). */
  join(now: unknown, later: () => unknown): T;
}

// 4: a header line with a CRC-32 of the body, then one line per remembered file, `[file, fingerprint, value]`.
// Lines are parsed one at a time, so a start never holds the whole body as one string (two bytes a character once it
// holds Vietnamese) beside the objects parsed from it: 3 (one JSON object) peaked ~80 MB higher for the same data.
// 5: a line may end with a tab and the JSON of the value's later part (LaterPart), parsed only when read: JSON text
// never holds a raw tab, so the first tab ends the part parsed at open.
const VERSION = 5;
const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * The cache file as it was opened, kept open for the later parts of its values: a save replaces the file by a
 * rename, and the open descriptor still reads the replaced one. Closed when no value needs it any more.
 */
class LaterSource {
  private static readonly closer = new FinalizationRegistry<number>((fd) => {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  });

  constructor(private readonly fd: number) {
    LaterSource.closer.register(this, fd);
  }

  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, bytes, done, length - done, offset + done);
      if (read === 0) throw new Error('knowledge cache file shorter than when it was opened');
      done += read;
    }
    return bytes;
  }
}

/**
 * A file's fingerprint: size and modification time. Read synchronously: a start fingerprints ~2,700 files, and a
 * metadata read the kernel has cached costs microseconds, against ~15 µs of CPU for each promise round trip through
 * the thread pool (~40 ms for the catalogue, ~10 ms synchronously).
 */
export function fingerprintFileSync(file: string): string | undefined {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? `${info.size}:${Math.trunc(info.mtimeMs)}` : undefined;
}

/**
 * Opens (or starts) a parse cache. An unreadable, foreign or damaged cache file (its CRC-32 does not match) is
 * ignored, and so is any remembered value that fails `isValue`: the cache can only save time, never break a start.
 */
export async function openParseCache<T>(
  cacheFile: string | undefined,
  schemaVersion: string,
  isValue: (value: unknown) => boolean = () => true,
  laterPart?: LaterPart<T>,
): Promise<ParseCache<T>> {
  const stored = new Map<string, Remembered<T>>();
  if (cacheFile) {
    let fd: number | undefined;
    try {
      // Opened once: the bytes read now and the later parts read afterwards are of the same file.
      fd = openSync(cacheFile, 'r');
      const bytes = readFileSync(fd);
      const newline = bytes.indexOf(NEWLINE);
      const header = JSON.parse(bytes.subarray(0, Math.max(newline, 0)).toString('utf8')) as { version?: number; schema?: string; crc32?: number };
      const body = bytes.subarray(newline + 1);
      if (newline > 0 && header.version === VERSION && header.schema === schemaVersion && header.crc32 === crc32(body)) {
        const source = laterPart ? new LaterSource(fd) : undefined;
        if (source) fd = undefined;
        const bodyStart = newline + 1;
        for (let start = 0; start < body.length; ) {
          const end = body.indexOf(NEWLINE, start);
          const stop = end === -1 ? body.length : end;
          const tab = body.indexOf(TAB, start);
          const split = tab !== -1 && tab < stop ? tab : stop;
          const item = JSON.parse(body.toString('utf8', start, split)) as unknown;
          const line: [number, number] = [bodyStart + start, stop - start];
          const later: [number, number] | undefined = split < stop ? [bodyStart + split + 1, stop - split - 1] : undefined;
          start = stop + 1;
          if (!Array.isArray(item) || item.length !== 3) continue;
          const [file, fingerprint, now] = item as unknown[];
          if (typeof file !== 'string' || typeof fingerprint !== 'string' || !isValue(now)) continue;
          if (!laterPart || !source) {
            if (!later) stored.set(file, { fingerprint, value: now as T });
            continue;
          }
          const readLater = later ? () => JSON.parse(source.read(later[0], later[1]).toString('utf8')) as unknown : () => undefined;
          stored.set(file, { fingerprint, value: laterPart.join(now, readLater), source, line });
        }
      }
    } catch {
      // Missing or corrupt: rebuilt below from the files themselves (nothing half-read is kept).
      stored.clear();
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  const seen = new Map<string, Remembered<T>>();
  let changed = false;
  /** A remembered file's line as it will be saved: copied from the file it was read from, or written afresh. */
  const lineOf = (file: string, { fingerprint, value, line, source }: Remembered<T>): Buffer => {
    if (line && source) return Buffer.concat([source.read(line[0], line[1]), Buffer.from('\n')]);
    const { now, later } = laterPart ? laterPart.split(value) : { now: value, later: undefined };
    return Buffer.from(`${JSON.stringify([file, fingerprint, now])}${later === undefined ? '' : `\t${JSON.stringify(later)}`}\n`, 'utf8');
  };
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
      const body = Buffer.concat([...seen].map(([file, remembered]) => lineOf(file, remembered)));
      const header = JSON.stringify({ version: VERSION, schema: schemaVersion, crc32: crc32(body) });
      await writeFileAtomic(cacheFile, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]));
    },
  };
}

/** A remembered value and, when it came from the cache file with a later part, where its line lies in `source`. */
interface Remembered<T> {
  fingerprint: string;
  value: T;
  line?: [offset: number, length: number];
  source?: LaterSource;
}
