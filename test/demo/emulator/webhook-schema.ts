/**
 * A small checker for webhook request bodies against LINE's webhook OpenAPI spec
 * (test/fixtures/line-openapi/webhook.yml): follows $ref, allOf and the `discriminator` mapping
 * on `type` (Event, Source, MessageContent), and checks required properties, primitive types,
 * enums and string patterns. Enough to prove the emulator sends what LINE sends.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;

const spec = parse(readFileSync(new URL('../../fixtures/line-openapi/webhook.yml', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};
const schemas = spec.components.schemas;

function deref(schema: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = schemas[name];
  if (!target) throw new Error(`unknown schema ${ref}`);
  return target;
}

/** The properties and required keys of a schema, its allOf parts included. */
function flatten(schema: Schema, seen = new Set<Schema>()): { properties: Record<string, Schema>; required: string[]; discriminator?: Schema } {
  const s = deref(schema);
  if (seen.has(s)) return { properties: {}, required: [] };
  seen.add(s);
  const properties: Record<string, Schema> = { ...((s['properties'] as Record<string, Schema>) ?? {}) };
  const required = [...((s['required'] as string[]) ?? [])];
  for (const part of (s['allOf'] as Schema[]) ?? []) {
    const f = flatten(part, seen);
    Object.assign(properties, f.properties);
    required.push(...f.required);
  }
  const discriminator = s['discriminator'] as Schema | undefined;
  return { properties, required, ...(discriminator ? { discriminator } : {}) };
}

export function checkAgainst(name: string, value: unknown): string[] {
  const target = schemas[name];
  if (!target) throw new Error(`unknown schema ${name}`);
  const errors: string[] = [];
  check(target, value, name, errors);
  return errors;
}

function check(schema: Schema, value: unknown, path: string, errors: string[]): void {
  const s = deref(schema);
  const type = s['type'];
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'string' && typeof value !== 'string') return void errors.push(`${path}: expected a string`);
  if (type === 'boolean' && typeof value !== 'boolean') return void errors.push(`${path}: expected a boolean`);
  if ((type === 'integer' || type === 'number') && typeof value !== 'number') return void errors.push(`${path}: expected a number`);
  if (type === 'array') {
    if (!Array.isArray(value)) return void errors.push(`${path}: expected an array`);
    value.forEach((item, i) => check((s['items'] as Schema) ?? {}, item, `${path}[${i}]`, errors));
    return;
  }
  if (typeof value === 'string') {
    const pattern = s['pattern'];
    if (typeof pattern === 'string' && !new RegExp(pattern).test(value)) errors.push(`${path}: "${value}" does not match ${pattern}`);
    const enumeration = s['enum'];
    if (Array.isArray(enumeration) && !enumeration.includes(value)) errors.push(`${path}: "${value}" not in ${enumeration.join('|')}`);
    return;
  }
  if (!isObject) return;
  const flat = flatten(s);
  const record = value as Record<string, unknown>;
  const mapping = (flat.discriminator?.['mapping'] as Record<string, string> | undefined) ?? undefined;
  if (mapping) {
    const key = String(flat.discriminator?.['propertyName'] ?? 'type');
    const sub = mapping[String(record[key])];
    if (!sub) return void errors.push(`${path}: unknown ${key} "${String(record[key])}"`);
    return check({ $ref: sub }, value, `${path}<${String(record[key])}>`, errors);
  }
  for (const key of flat.required) if (record[key] === undefined) errors.push(`${path}.${key}: required`);
  for (const [key, v] of Object.entries(record)) {
    const prop = flat.properties[key];
    if (!prop) {
      if (!s['additionalProperties']) errors.push(`${path}.${key}: not in the spec`);
      continue;
    }
    check(prop, v, `${path}.${key}`, errors);
  }
}
