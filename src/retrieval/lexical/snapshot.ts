import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from '../../shared/atomic-write.js';
import type { LexicalIndexData } from './lexical-index.js';
import { FIELD_LENGTH_NORMS, FIELD_WEIGHTS } from './lexical-index.js';

/**
 * The built lexical index, saved after a start that built it (DATA_DIR/index/lexical-index.bin) and restored by the
 * next start when the searchable documents are the very same (ids and content hashes, in order): one read and a
 * few typed-array copies instead of parsing every document's analysis and weighing ~940,000 postings again
 * (docs/retrieval.md, "Start-up caches"). Rebuildable like everything under DATA_DIR/index: a missing, foreign,
 * damaged (CRC-32) or stale snapshot is ignored and the index is built from the analysis cache.
 *
 * Layout: one JSON header line `{version, schema, crc32, sections}`, then the sections back to back, each starting
 * at a multiple of 8 bytes from the body's start. `sections` maps a name to [offset, byte length] in the body.
 */
const VERSION = 1;
const NEWLINE = 0x0a;
const ALIGN = 8;

/** A searchable document as the snapshot is keyed: its id and content hash. */
export interface SnapshotKey {
  id: string;
  hash: string;
}

/** What decides whether analyses are still valid: the analysis schema and the field weights baked into the tfs. */
function schemaOf(analysisSchema: string): string {
  return JSON.stringify({ analysis: analysisSchema, weights: FIELD_WEIGHTS, norms: FIELD_LENGTH_NORMS });
}

/** The snapshot's bytes for `data`, built over `documents`. */
export function encodeLexicalSnapshot(analysisSchema: string, documents: readonly SnapshotKey[], data: LexicalIndexData): Buffer {
  const sections: [string, Uint8Array][] = [
    ['documents', Buffer.from(documents.map((doc) => `${doc.id} ${doc.hash}`).join('\n'), 'utf8')],
    ['terms', Buffer.from(data.bm25.terms.join('\n'), 'utf8')],
    ['names', Buffer.from(JSON.stringify(data.names), 'utf8')],
    ['df', bytesOf(data.bm25.df)],
    ['offsets', bytesOf(data.bm25.offsets)],
    ['postingDocs', bytesOf(data.bm25.postingDocs)],
    ['postingTf', bytesOf(data.bm25.postingTf)],
    ['strongOffsets', bytesOf(data.strongOffsets)],
    ['strongTerms', bytesOf(data.strongTerms)],
    ...Object.entries(data.bm25.fieldLengths).map(([field, lengths]): [string, Uint8Array] => [`length:${field}`, bytesOf(lengths)]),
  ];
  const index: Record<string, [number, number]> = {};
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [name, bytes] of sections) {
    index[name] = [at, bytes.length];
    const padded = Math.ceil(bytes.length / ALIGN) * ALIGN;
    parts.push(bytes, Buffer.alloc(padded - bytes.length));
    at += padded;
  }
  const body = Buffer.concat(parts);
  const header = JSON.stringify({ version: VERSION, schema: schemaOf(analysisSchema), crc32: crc32(body), sections: index });
  return Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]);
}

/** The index data in `bytes` when they are a sound snapshot of exactly `documents`; undefined otherwise. */
export function decodeLexicalSnapshot(bytes: Buffer, analysisSchema: string, documents: readonly SnapshotKey[]): LexicalIndexData | undefined {
  const newline = bytes.indexOf(NEWLINE);
  if (newline <= 0) return undefined;
  let header: { version?: unknown; schema?: unknown; crc32?: unknown; sections?: Record<string, [number, number]> };
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline)) as typeof header;
  } catch {
    return undefined;
  }
  const body = bytes.subarray(newline + 1);
  if (header.version !== VERSION || header.schema !== schemaOf(analysisSchema) || header.crc32 !== crc32(body) || !header.sections) return undefined;
  const sections = header.sections;
  const section = (name: string): Uint8Array => {
    const [offset, length] = sections[name] ?? [];
    if (typeof offset !== 'number' || typeof length !== 'number' || offset % ALIGN !== 0 || offset + length > body.length) throw new Error(`bad section ${name}`);
    return body.subarray(offset, offset + length);
  };
  const text = (name: string) => {
    const bytes = section(name);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  };
  const int32 = (name: string) => new Int32Array(copyOf(section(name)));
  const expected = documents.map((doc) => `${doc.id} ${doc.hash}`).join('\n');
  try {
    if (text('documents') !== expected) return undefined;
    const ids = documents.map((doc) => doc.id);
    const terms = text('terms');
    return {
      bm25: {
        ids,
        terms: terms.length === 0 ? [] : terms.split('\n'),
        df: int32('df'),
        offsets: int32('offsets'),
        postingDocs: int32('postingDocs'),
        postingTf: new Float32Array(copyOf(section('postingTf'))),
        fieldLengths: Object.fromEntries(Object.keys(FIELD_WEIGHTS).map((field) => [field, new Float64Array(copyOf(section(`length:${field}`)))])),
      },
      names: JSON.parse(text('names')) as string[][][],
      strongOffsets: int32('strongOffsets'),
      strongTerms: int32('strongTerms'),
    };
  } catch {
    return undefined;
  }
}

/** Reads the snapshot file; undefined when it is missing or unusable for `documents`. */
export async function readLexicalSnapshot(file: string, analysisSchema: string, documents: readonly SnapshotKey[]): Promise<LexicalIndexData | undefined> {
  try {
    return decodeLexicalSnapshot(await readFile(file), analysisSchema, documents);
  } catch {
    return undefined;
  }
}

/** Writes the snapshot file atomically (readers see the old one or the new one). */
export async function writeLexicalSnapshot(file: string, analysisSchema: string, documents: readonly SnapshotKey[], data: LexicalIndexData): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, encodeLexicalSnapshot(analysisSchema, documents, data));
}

function bytesOf(array: Int32Array | Float32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A fresh ArrayBuffer holding the bytes: aligned for a typed array, and not keeping the whole file alive. */
function copyOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
