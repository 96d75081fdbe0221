import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../../shared/atomic-write.js';
import { hashBasis, type LsaBasis } from './basis.js';

const BASIS_JSON = 'lsa-basis.json';
const BASIS_BIN = 'lsa-basis.bin';

const BasisHeaderSchema = z.object({
  version: z.literal(1),
  dimension: z.number().int().positive(),
  hash: z.string().min(1),
  terms: z.array(z.string()),
  idf: z.array(z.number()),
});

/** Writes a basis to `<dir>/lsa-basis.{json,bin}`; the header goes last so a torn write is detected on load. */
export async function saveLsaBasis(dir: string, basis: LsaBasis): Promise<void> {
  await mkdir(dir, { recursive: true });
  const header = { version: 1, dimension: basis.dimension, hash: basis.hash, terms: basis.terms, idf: Array.from(basis.idf) };
  await writeFileAtomic(path.join(dir, BASIS_BIN), new Uint8Array(basis.components.buffer, basis.components.byteOffset, basis.components.byteLength));
  await writeFileAtomic(path.join(dir, BASIS_JSON), JSON.stringify(header));
}

/** Reads a saved basis; undefined when absent, an Error describing the defect when corrupt. */
export async function loadLsaBasis(dir: string): Promise<LsaBasis | undefined> {
  let headerText: string;
  try {
    headerText = await readFile(path.join(dir, BASIS_JSON), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const header = BasisHeaderSchema.parse(JSON.parse(headerText));
  const bytes = await readFile(path.join(dir, BASIS_BIN));
  const expected = header.terms.length * header.dimension * 4;
  if (bytes.byteLength !== expected || header.idf.length !== header.terms.length) {
    throw new Error(`LSA basis files disagree (${bytes.byteLength} bytes, expected ${expected})`);
  }
  const components = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const hash = hashBasis(header.terms, components);
  if (hash !== header.hash) throw new Error('LSA basis hash mismatch');
  return { dimension: header.dimension, terms: header.terms, idf: Float32Array.from(header.idf), components, hash };
}
