import type { z } from 'zod';
import { invalidJsonError, validationError } from '../shared/errors.js';
import { toFieldErrors, VIETNAMESE } from '../shared/zod-errors.js';

/** Parses a value with a zod schema, throwing the app's 400 validation error naming each field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, message?: string): z.infer<S> {
  const result = schema.safeParse(value, VIETNAMESE);
  if (!result.success) throw validationError(toFieldErrors(result.error, 'vi'), message);
  return result.data;
}

/** The request's JSON body, or the app's 400 `invalid_json` for a body that is not JSON. */
export async function readJsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<unknown> {
  return c.req.json().catch(() => {
    throw invalidJsonError();
  });
}
