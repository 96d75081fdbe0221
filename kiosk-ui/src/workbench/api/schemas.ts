import type { JsonSchema } from '../schema-form/json-schema.js';
import { api } from './client.js';

let schemas: Promise<{ entry: JsonSchema; wardSettings: JsonSchema; situation: JsonSchema }> | undefined;

/** `GET /admin/api/knowledge/schema`, fetched once per page load (and again after a failure). */
export function loadSchemas(): Promise<{ entry: JsonSchema; wardSettings: JsonSchema; situation: JsonSchema }> {
  schemas ??= api.get<{ entry: JsonSchema; wardSettings: JsonSchema; situation: JsonSchema }>('/knowledge/schema').catch((error: unknown) => {
    schemas = undefined;
    throw error;
  });
  return schemas;
}
