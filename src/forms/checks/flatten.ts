import type { FieldError } from '../../shared/errors.js';

// Deeper than any form's paths (thanh_vien.4.so_dinh_danh is three levels); stops a hostile body from recursing.
const MAX_DEPTH = 6;

export interface FlattenResult {
  values: Map<string, unknown>;
  errors: FieldError[];
}

/**
 * Nested objects and arrays, flat dot-path keys, or a mix of both, to one flat map:
 * `{ ben_nu: { ho_ten } }`, `{ 'ben_nu.ho_ten': ... }` and `{ thanh_vien: [{ ho_ten }] }` all name `…ho_ten`.
 * A path given twice with different values is an error rather than a silent choice.
 */
export function flattenValues(input: Readonly<Record<string, unknown>>): FlattenResult {
  const values = new Map<string, unknown>();
  const errors: FieldError[] = [];
  const visit = (path: string, node: unknown, depth: number): void => {
    if (depth < MAX_DEPTH && Array.isArray(node)) {
      node.forEach((item, index) => visit(join(path, String(index)), item, depth + 1));
    } else if (depth < MAX_DEPTH && isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) visit(join(path, key), child, depth + 1);
    } else if (!values.has(path)) {
      values.set(path, node);
    } else if (values.get(path) !== node) {
      errors.push({ field: path, message: `Trường "${path}" được gửi hai lần với hai giá trị khác nhau.` });
    }
  };
  if (isPlainObject(input)) visit('', input, 0);
  else errors.push({ field: '(root)', message: 'Dữ liệu tờ khai phải là một đối tượng gồm các trường.' });
  return { values, errors };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
