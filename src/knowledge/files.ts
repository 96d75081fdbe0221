import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { EntrySchema, type Entry, type EntryInput } from './schema.js';

/** Serializes an entry as stable YAML: keys in schema order, empty fields left out, long text never folded. */
export function serializeEntry(entry: Entry | EntryInput): string {
  return serializeYaml(entry, EntrySchema);
}

/**
 * Serializes a value as YAML that is byte-identical for equal input: object keys follow the schema's order
 * (unknown keys after, sorted), undefined values and empty lists or objects are left out, and strings are
 * never folded, so that diffs in review show real changes only.
 */
export function serializeYaml(value: unknown, schema?: z.ZodType): string {
  const ordered = orderLikeSchema(value, schema) ?? {};
  return stringify(ordered, {
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: 'literal',
    indent: 2,
    indentSeq: true,
    aliasDuplicateObjects: false,
  });
}

/**
 * Writes `text` atomically unless the file already holds exactly it; true when the file was written. `text` may be
 * made from the file's current content (undefined when there is none), read once for both.
 */
export async function writeFileIfChanged(file: string, text: string | ((current: string | undefined) => string)): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const next = typeof text === 'function' ? text(current) : text;
  if (current === next) return false;
  await writeFileAtomic(file, next);
  return true;
}

// The rename is durable only once the directory entry is flushed; some platforms cannot open a directory.

interface SchemaDef {
  type?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType | undefined): SchemaDef | undefined {
  return (schema as unknown as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

/** Looks through optional, default, nullable and pipe wrappers to the schema that gives the shape. */
function unwrapSchema(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = defOf(current);
    if (!def) return current;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}

function orderLikeSchema(value: unknown, schema: z.ZodType | undefined): unknown {
  const def = defOf(unwrapSchema(schema));
  if (Array.isArray(value)) {
    const items = value.map((item) => orderLikeSchema(item, def?.type === 'array' ? def.element : undefined)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    const shape = def?.type === 'object' ? (def.shape ?? {}) : {};
    const known = Object.keys(shape).filter((key) => key in record);
    const unknown = Object.keys(record)
      .filter((key) => !(key in shape))
      .sort();
    const out: Record<string, unknown> = {};
    for (const key of [...known, ...unknown]) {
      const child = orderLikeSchema(record[key], shape[key]);
      if (child !== undefined) out[key] = child;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

export { writeFileAtomic };
