import type { DiffRow } from '../api/types.js';

/** Every leaf of a JSON value by dot path (`channels.0.fee.text`); empty arrays and objects count as leaves. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => flatten(item, prefix ? `${prefix}.${index}` : String(index), out));
  } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The leaf-level differences between two contents, in the shape of the API's `diff` rows. */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const left = flatten(before);
  const right = flatten(after);
  const rows: DiffRow[] = [];
  for (const [path, value] of left) {
    if (!right.has(path)) rows.push({ path, change: 'removed', before: value });
    else if (!same(value, right.get(path))) rows.push({ path, change: 'changed', before: value, after: right.get(path) });
  }
  for (const [path, value] of right) if (!left.has(path)) rows.push({ path, change: 'added', after: value });
  return rows;
}

/** The value at a dot path, or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
