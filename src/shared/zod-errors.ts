import { z } from 'zod';
import type { FieldError } from './errors.js';
import type { Language } from './language.js';

/**
 * Zod's Vietnamese messages, for validation answers that people read (HTTP bodies, the workbench's form); pass as
 * `schema.safeParse(value, VIETNAMESE)`. Messages written into a schema take precedence. CLI tools keep English.
 */
export const VIETNAMESE = { error: z.locales.vi().localeError } as const;

/** Turns zod issues into `{field, message}` pairs with dot paths (`documents.2.name`). */
export function toFieldErrors(error: z.ZodError, language: Language = 'en'): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: describeIssue(issue, language),
  }));
}

function describeIssue(issue: z.core.$ZodIssue, language: Language): string {
  if (issue.code === 'unrecognized_keys') return `${language === 'vi' ? 'trường không có trong mẫu' : 'unknown field(s)'}: ${issue.keys.join(', ')}`;
  return issue.message;
}
