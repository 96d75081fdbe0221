import type { z } from 'zod';
import type { RevisionTarget } from '../../storage/types.js';
import { EntrySchema, WardSettingsSchema, type Entry, type WardSettings } from '../schema.js';
import { SituationSchema, type Situation } from '../situation-schema.js';

/** The one ward-settings target id. */
export const WARD_TARGET_ID = 'ward';

/** The schema a revision's content must satisfy, per target kind. */
export function schemaFor(kind: RevisionTarget): z.ZodType<Entry> | z.ZodType<WardSettings> | z.ZodType<Situation> {
  if (kind === 'situation') return SituationSchema;
  return kind === 'entry' ? EntrySchema : WardSettingsSchema;
}
