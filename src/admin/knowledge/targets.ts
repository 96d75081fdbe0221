import { z } from 'zod';
import { EntrySchema, WardSettingsSchema, type Entry, type WardSettings } from '../../knowledge/schema.js';
import type { RevisionTarget } from '../../storage/types.js';

/** The one ward-settings target id. */
export const WARD_TARGET_ID = 'ward';

/** The schema a revision's content must satisfy, per target kind. */
export function schemaFor(kind: RevisionTarget): z.ZodType<Entry> | z.ZodType<WardSettings> {
  return kind === 'entry' ? EntrySchema : WardSettingsSchema;
}

let schemas: { entry: unknown; wardSettings: unknown } | undefined;

/** JSON Schemas of what officials edit, for the workbench to build its forms from (input shape: defaults optional); built once. */
export function editingSchemas(): { entry: unknown; wardSettings: unknown } {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  schemas ??= { entry: z.toJSONSchema(EntrySchema, options), wardSettings: z.toJSONSchema(WardSettingsSchema, options) };
  return schemas;
}
