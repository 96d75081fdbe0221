import diff from 'microdiff';

/** One changed field between two versions, by dot path (`channels.0.fee.text`). */
export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const KIND = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** The field-level changes from `before` to `after` (either may be null/undefined: a whole document added or removed). */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  const left = isObject(before) ? before : {};
  const right = isObject(after) ? after : {};
  return diff(left, right).map((d) => ({
    path: d.path.join('.'),
    change: KIND[d.type],
    ...('oldValue' in d ? { before: d.oldValue } : {}),
    ...('value' in d ? { after: d.value } : {}),
  }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
