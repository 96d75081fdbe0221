/** The part of JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) the form generator understands. */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

export type SchemaKind = 'object' | 'array' | 'enum-set' | 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'const' | 'json';

/** A schema with its `$ref` followed and a `X | null` union unwrapped (`nullable`). */
export interface ResolvedSchema {
  schema: JsonSchema;
  nullable: boolean;
  kind: SchemaKind;
}

function follow(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops += 1) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const target = match ? (match[1] === '$defs' ? root.$defs : root.definitions)?.[decodeURIComponent(match[2]!)] : undefined;
    if (!target) break;
    // Sibling keywords beside $ref (a description, a default) win over the referenced ones.
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

function typeList(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Resolves `schema` against `root` and says which control it needs. */
export function resolveSchema(schema: JsonSchema, root: JsonSchema): ResolvedSchema {
  let current = follow(schema, root);
  let nullable = false;
  const union = current.anyOf ?? current.oneOf;
  if (union) {
    const options = union.map((option) => follow(option, root));
    const nonNull = options.filter((option) => !typeList(option).includes('null') || typeList(option).length > 1);
    nullable = nonNull.length < options.length;
    if (nonNull.length === 1) {
      const { anyOf: _a, oneOf: _o, ...rest } = current;
      current = { ...nonNull[0]!, ...rest };
    } else {
      return { schema: current, nullable, kind: 'json' };
    }
  }
  if (current.allOf?.length === 1) current = { ...follow(current.allOf[0]!, root), ...current, allOf: undefined };
  const types = typeList(current);
  if (types.includes('null')) nullable = true;
  const type = types.find((t) => t !== 'null');
  if (current.const !== undefined) return { schema: current, nullable, kind: 'const' };
  if (current.enum) return { schema: current, nullable, kind: 'enum' };
  if (type === 'object' || (!type && current.properties)) return { schema: current, nullable, kind: current.properties ? 'object' : 'json' };
  if (type === 'array' || (!type && current.items)) {
    const items = current.items ? resolveSchema(current.items, root) : undefined;
    return { schema: current, nullable, kind: items?.kind === 'enum' ? 'enum-set' : 'array' };
  }
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return { schema: current, nullable, kind: type };
  return { schema: current, nullable, kind: 'json' };
}
