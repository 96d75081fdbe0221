import { z } from 'zod';
import { EntrySchema, WardSettingsSchema, type Entry, type WardSettings } from '../../knowledge/schema.js';
import { SituationSchema, type Situation } from '../../knowledge/situation-schema.js';
import type { RevisionTarget } from '../../storage/types.js';

/** The one ward-settings target id. */
export const WARD_TARGET_ID = 'ward';

/** The schema a revision's content must satisfy, per target kind. */
export function schemaFor(kind: RevisionTarget): z.ZodType<Entry> | z.ZodType<WardSettings> | z.ZodType<Situation> {
  if (kind === 'situation') return SituationSchema;
  return kind === 'entry' ? EntrySchema : WardSettingsSchema;
}

/** What the workbench builds its forms from, one JSON Schema per kind of target. */
export interface EditingSchemas {
  entry: unknown;
  wardSettings: unknown;
  situation: unknown;
}

let schemas: EditingSchemas | undefined;

/** JSON Schemas of what officials edit, for the workbench to build its forms from (input shape: defaults optional); built once. */
export function editingSchemas(): EditingSchemas {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  schemas ??= {
    entry: z.toJSONSchema(EntrySchema, options),
    wardSettings: z.toJSONSchema(WardSettingsSchema, options),
    situation: z.toJSONSchema(SituationSchema, options),
  };
  return schemas;
}
