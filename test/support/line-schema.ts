/**
 * Validates reply/push request bodies against LINE's official OpenAPI spec
 * (test/fixtures/line-openapi/messaging-api.yml) plus the documented limits the spec leaves out.
 *
 * Why the transform: the spec models polymorphism with `discriminator` + `mapping` on `type`
 * (Message, Action, FlexComponent, FlexContainer, Template…) and subtypes that `allOf` the base.
 * JSON Schema ignores `discriminator`, so a plain validator checks a Message only for `type:
 * string` and never looks at TextMessage, FlexBox, PostbackAction… We rewrite each base into an
 * if/then chain that applies the mapped subschema for each `type` value and rejects unknown ones.
 * Subtypes' `allOf: [{$ref: Base}]` is pointed at a "properties only" copy of the base
 * (`Base__base`), otherwise it would re-enter the dispatcher and recurse forever.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export type LinePayloadKind = 'reply' | 'push';

export interface ValidationResult {
  ok: boolean;
  errors: string[];
}

export interface LineValidatorOptions {
  /**
   * Flag properties the mapped subschema does not declare (LINE answers 400 for many of them).
   * On by default; turn off if the spec lags behind a field LINE has since added.
   */
  unknownProperties?: boolean;
}

export interface LineValidator {
  validateReplyRequest(body: unknown): ValidationResult;
  validatePushRequest(body: unknown): ValidationResult;
}

const SPEC_URL = new URL('../fixtures/line-openapi/messaging-api.yml', import.meta.url);
const REF = '#/components/schemas/';
const DOC_ID = 'line-messaging-api';

type Schema = Record<string, unknown>;
type Schemas = Record<string, Schema>;

/**
 * Requirements LINE enforces that the spec does not declare (observed 400s / documented as
 * required in the reference text). Added as top-level `required` on the subtype.
 */
const EXTRA_REQUIRED: Record<string, string[]> = {
  PostbackAction: ['data'],
  MessageAction: ['text'],
  URIAction: ['uri'],
  QuickReplyItem: ['action'],
};

// ---------------------------------------------------------------------------------------------
// Schema transform

function isObj(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

/**
 * OpenAPI 3.0 bits ajv does not understand: `nullable`, empty `format`. Annotations
 * (example, externalDocs, x-*) are harmless with `strict: false` and stay.
 */
function sanitize(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(sanitize);
  if (!isObj(node)) return;
  if (node['format'] === '' || node['format'] === null) delete node['format'];
  if (node['nullable'] === true && typeof node['type'] === 'string') node['type'] = [node['type'], 'null'];
  delete node['nullable'];
  for (const v of Object.values(node)) sanitize(v);
}

/** Property names a schema declares, directly or through its allOf parts (refs followed). */
function declaredProperties(schema: Schema, schemas: Schemas, seen = new Set<Schema>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(schema)) return out;
  seen.add(schema);
  if (isObj(schema['properties'])) Object.keys(schema['properties']).forEach((k) => out.add(k));
  for (const part of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    const name = refName(isObj(part) ? part['$ref'] : undefined);
    const target = name ? schemas[name] : isObj(part) ? part : undefined;
    if (target) declaredProperties(target, schemas, seen).forEach((k) => out.add(k));
  }
  return out;
}

export function transformSchemas(raw: Schemas, opts: Required<LineValidatorOptions>): Schemas {
  const schemas = structuredClone(raw);
  sanitize(schemas);

  // 1. Base copies without the discriminator, for subtypes to inherit from.
  const bases = new Map<string, { prop: string; mapping: Record<string, string> }>();
  for (const [name, s] of Object.entries(schemas)) {
    const d = s['discriminator'];
    if (!isObj(d) || typeof d['propertyName'] !== 'string' || !isObj(d['mapping'])) continue;
    bases.set(name, { prop: d['propertyName'], mapping: d['mapping'] as Record<string, string> });
    const { discriminator: _drop, ...rest } = s;
    schemas[`${name}__base`] = rest;
  }

  // 2. Subtypes inherit from the copy, never from the dispatcher (that would recurse forever).
  for (const s of Object.values(schemas)) {
    if (!Array.isArray(s['allOf'])) continue;
    s['allOf'] = s['allOf'].map((part: unknown) => {
      const name = refName(isObj(part) ? part['$ref'] : undefined);
      return name && bases.has(name) ? { $ref: `${REF}${name}__base` } : part;
    });
  }

  // 3. Each subtype only accepts the `type` values that map to it, so direct references
  //    (FlexBubble.header → FlexBox, FlexCarousel.contents → FlexBubble) check `type` too.
  const subtypeValues = new Map<string, { prop: string; values: string[] }>();
  for (const { prop, mapping } of bases.values()) {
    for (const [value, ref] of Object.entries(mapping)) {
      const sub = refName(ref);
      if (!sub) continue;
      const entry = subtypeValues.get(sub) ?? { prop, values: [] };
      entry.values.push(value);
      subtypeValues.set(sub, entry);
    }
  }

  // Decide which schemas get closed before we add anything: declared properties of the
  // original shapes. Bases (and their copies) stay open because subtypes extend them.
  const closed = new Map<string, Set<string>>();
  if (opts.unknownProperties) {
    for (const [name, s] of Object.entries(schemas)) {
      if (bases.has(name) || name.endsWith('__base')) continue;
      if (s['additionalProperties'] !== undefined || s['oneOf'] || s['anyOf']) continue;
      const declared = declaredProperties(s, schemas);
      if (declared.size > 0) closed.set(name, declared);
    }
  }

  for (const [sub, { prop, values }] of subtypeValues) {
    const s = schemas[sub];
    if (!s) continue;
    const props = isObj(s['properties']) ? s['properties'] : {};
    props[prop] = { type: 'string', enum: values };
    s['properties'] = props;
  }

  for (const [name, declared] of closed) {
    const s = schemas[name] as Schema;
    const props = isObj(s['properties']) ? s['properties'] : {};
    for (const k of declared) props[k] ??= true;
    s['properties'] = props;
    s['additionalProperties'] = false;
  }

  for (const [name, extra] of Object.entries(EXTRA_REQUIRED)) {
    const s = schemas[name];
    if (s) s['required'] = [...new Set([...((s['required'] as string[] | undefined) ?? []), ...extra])];
  }
  // FlexText needs `text` unless it is made of `contents` spans.
  const flexText = schemas['FlexText'];
  if (flexText) flexText['anyOf'] = [{ required: ['text'] }, { required: ['contents'] }];

  // 4. The bases become dispatchers: `type` must be a mapped value, and selects the subtype.
  for (const [name, { prop, mapping }] of bases) {
    const values = Object.keys(mapping);
    schemas[name] = {
      type: 'object',
      required: [prop],
      properties: { [prop]: { type: 'string', enum: values } },
      allOf: values.map((v) => ({
        if: { properties: { [prop]: { const: v } }, required: [prop] },
        then: { $ref: mapping[v] },
      })),
    };
  }
  return schemas;
}

// ---------------------------------------------------------------------------------------------
// Compilation and error formatting

function loadSpecSchemas(): Schemas {
  const doc = parse(readFileSync(SPEC_URL, 'utf8')) as { components: { schemas: Schemas } };
  return doc.components.schemas;
}

export function createLineValidator(options: LineValidatorOptions = {}): LineValidator {
  const opts: Required<LineValidatorOptions> = { unknownProperties: options.unknownProperties ?? true };
  const schemas = transformSchemas(loadSpecSchemas(), opts);
  // strict: false because the spec carries OpenAPI annotations (example, externalDocs, x-enum-*).
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOC_ID, components: { schemas } });
  const compile = (name: string): ValidateFunction => ajv.compile({ $ref: `${DOC_ID}${REF}${name}` });
  const reply = compile('ReplyMessageRequest');
  const push = compile('PushMessageRequest');
  const run = (validate: ValidateFunction, body: unknown): ValidationResult => {
    const schemaErrors = validate(body) ? [] : formatErrors(validate.errors ?? []);
    const errors = [...new Set([...schemaErrors, ...checkLineLimits(body)])];
    return { ok: errors.length === 0, errors };
  };
  return {
    validateReplyRequest: (body) => run(reply, body),
    validatePushRequest: (body) => run(push, body),
  };
}

function formatErrors(errors: ErrorObject[]): string[] {
  const out: string[] = [];
  for (const e of errors) {
    // "must match then schema" only repeats the subtype's own errors, listed separately.
    if (e.keyword === 'if') continue;
    const at = jsonPointerToPath(e.instancePath);
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        out.push(`${at}: missing required property "${String(p['missingProperty'])}"`);
        break;
      case 'additionalProperties':
        out.push(`${at}: unknown property "${String(p['additionalProperty'])}"`);
        break;
      case 'enum':
        out.push(`${at}: ${e.message ?? 'invalid'}: ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
        break;
      default:
        out.push(`${at}: ${e.message ?? e.keyword}`);
    }
  }
  return out;
}

/** `/messages/0/contents/body` → `messages[0].contents.body`, matching checkLineLimits paths. */
function jsonPointerToPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

let defaultValidator: LineValidator | undefined;
function validator(): LineValidator {
  // Compiled on first use: loading and compiling the spec takes a noticeable moment.
  return (defaultValidator ??= createLineValidator());
}

export function validateReplyRequest(body: unknown): ValidationResult {
  return validator().validateReplyRequest(body);
}

export function validatePushRequest(body: unknown): ValidationResult {
  return validator().validatePushRequest(body);
}

/** Throws with one line per problem; for `expect(() => …)` or inside stand-in listeners. */
export function assertValidLinePayload(kind: LinePayloadKind, body: unknown): void {
  const result = kind === 'reply' ? validateReplyRequest(body) : validatePushRequest(body);
  if (!result.ok) {
    throw new Error(`invalid LINE ${kind} request:\n  - ${result.errors.join('\n  - ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Documented limits the spec does not encode (DESIGN §6)

export const LINE_LIMITS = {
  messagesPerCall: 5,
  /** UTF-16 code units: at least as strict as LINE's character count. */
  textLength: 5000,
  altTextLength: 1500,
  /** "30 KB"/"50 KB" read as 1000-byte KB, the stricter reading. */
  bubbleBytes: 30_000,
  carouselBubbles: 12,
  carouselBytes: 50_000,
  quickReplyItems: 13,
  quickReplyLabelGraphemes: 20,
  actionLabelGraphemes: 40,
  postbackDataLength: 300,
} as const;

const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** User-perceived characters: Thai vowel/tone marks combine with their consonant. */
export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

/** Limit problems in a reply/push body (or anything with `messages`); empty when fine. */
export function checkLineLimits(body: unknown): string[] {
  if (!isObj(body) || !Array.isArray(body['messages'])) return [];
  const L = LINE_LIMITS;
  const errors: string[] = [];
  const messages = body['messages'] as unknown[];
  if (messages.length > L.messagesPerCall) {
    errors.push(`messages: ${messages.length} messages, max ${L.messagesPerCall} per call`);
  }
  messages.forEach((m, i) => {
    if (!isObj(m)) return;
    const at = `messages[${i}]`;
    const type = m['type'];
    if ((type === 'text' || type === 'textV2') && typeof m['text'] === 'string' && m['text'].length > L.textLength) {
      errors.push(`${at}.text: ${m['text'].length} characters, max ${L.textLength}`);
    }
    if (typeof m['altText'] === 'string' && m['altText'].length > L.altTextLength) {
      errors.push(`${at}.altText: ${m['altText'].length} characters, max ${L.altTextLength}`);
    }
    if (type === 'flex' && isObj(m['contents'])) errors.push(...checkFlexSize(m['contents'], `${at}.contents`));
    const items = isObj(m['quickReply']) ? m['quickReply']['items'] : undefined;
    if (Array.isArray(items) && items.length > L.quickReplyItems) {
      errors.push(`${at}.quickReply.items: ${items.length} items, max ${L.quickReplyItems}`);
    }
    walkActions(m, at, (action, path) => {
      const inQuickReply = path.startsWith(`${at}.quickReply.`);
      errors.push(...checkAction(action, path, inQuickReply ? L.quickReplyLabelGraphemes : L.actionLabelGraphemes));
    });
  });
  return errors;
}

function checkFlexSize(container: Schema, at: string): string[] {
  const L = LINE_LIMITS;
  const errors: string[] = [];
  if (container['type'] === 'bubble') {
    const bytes = jsonBytes(container);
    if (bytes > L.bubbleBytes) errors.push(`${at}: bubble is ${bytes} bytes of JSON, max ${L.bubbleBytes}`);
  } else if (container['type'] === 'carousel' && Array.isArray(container['contents'])) {
    const bubbles = container['contents'] as unknown[];
    if (bubbles.length > L.carouselBubbles) errors.push(`${at}.contents: ${bubbles.length} bubbles, max ${L.carouselBubbles}`);
    const bytes = jsonBytes(container);
    if (bytes > L.carouselBytes) errors.push(`${at}: carousel is ${bytes} bytes of JSON, max ${L.carouselBytes}`);
    bubbles.forEach((b, i) => {
      const size = jsonBytes(b);
      if (size > L.bubbleBytes) errors.push(`${at}.contents[${i}]: bubble is ${size} bytes of JSON, max ${L.bubbleBytes}`);
    });
  }
  return errors;
}

/** Calls `visit` for every action object: values of `action`/`defaultAction`, items of `actions`. */
function walkActions(node: unknown, path: string, visit: (action: Schema, path: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => walkActions(v, `${path}[${i}]`, visit));
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    const p = `${path}.${k}`;
    if ((k === 'action' || k === 'defaultAction') && isObj(v)) visit(v, p);
    if (k === 'actions' && Array.isArray(v)) v.forEach((a, i) => isObj(a) && visit(a, `${p}[${i}]`));
    walkActions(v, p, visit);
  }
}

function checkAction(action: Schema, at: string, maxLabel: number): string[] {
  const errors: string[] = [];
  const label = action['label'];
  if (typeof label === 'string') {
    const n = graphemeLength(label);
    if (n > maxLabel) errors.push(`${at}.label: ${n} graphemes, max ${maxLabel}`);
  }
  const data = action['data'];
  if (typeof data === 'string' && data.length > LINE_LIMITS.postbackDataLength) {
    errors.push(`${at}.data: ${data.length} characters, max ${LINE_LIMITS.postbackDataLength}`);
  }
  return errors;
}
