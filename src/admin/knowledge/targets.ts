import { z } from 'zod';
import { EntrySchema, WardSettingsSchema } from '../../knowledge/schema.js';
import { SituationSchema } from '../../knowledge/situation-schema.js';

// What a revision's content must satisfy lives with the knowledge in force, which lays revisions over the files.
export { schemaFor, WARD_TARGET_ID } from '../../knowledge/in-force/targets.js';

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
