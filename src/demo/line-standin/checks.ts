/**
 * The few request-body checks the stand-in does itself, mirroring LINE's 400s for obviously
 * broken requests. Full schema validation is a test concern (test/support/line-schema.ts): the
 * stand-in must stay cheap because demo mode runs it in-process.
 */
import type { StandinMessage } from './types.ts';

export interface Detail {
  message: string;
  property: string;
}

const MESSAGE_TYPES = [
  'text', 'textV2', 'sticker', 'image', 'video', 'audio', 'location', 'imagemap', 'template',
  'flex', 'coupon',
];
const MAX_MESSAGES = 5;
const MAX_TEXT = 5000;
const MAX_ALT_TEXT = 1500;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks `messages` of a reply/push body; returns LINE-style details, empty when fine. */
export function checkMessages(body: Record<string, unknown>): Detail[] {
  const messages = body['messages'];
  if (messages === undefined || messages === null) {
    return [{ message: 'must be specified', property: 'messages' }];
  }
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_MESSAGES) {
    return [{ message: `Size must be between 1 and ${MAX_MESSAGES}`, property: 'messages' }];
  }
  return messages.flatMap((m: unknown, i) => checkMessage(m, `messages[${i}]`));
}

function checkMessage(m: unknown, at: string): Detail[] {
  if (!isObject(m)) return [{ message: 'must be an object', property: at }];
  const type = m['type'];
  if (typeof type !== 'string' || !MESSAGE_TYPES.includes(type)) {
    return [{ message: `must be one of the following values: ${MESSAGE_TYPES.join(', ')}`, property: `${at}.type` }];
  }
  const out: Detail[] = [];
  const need = (key: string, max?: number): void => {
    const v = m[key];
    if (typeof v !== 'string' || v.length === 0) out.push({ message: 'must be specified', property: `${at}.${key}` });
    else if (max !== undefined && v.length > max) out.push({ message: `Length must be between 0 and ${max}`, property: `${at}.${key}` });
  };
  if (type === 'text' || type === 'textV2') need('text', MAX_TEXT);
  if (type === 'flex' || type === 'template' || type === 'imagemap') need('altText', MAX_ALT_TEXT);
  if (type === 'flex' && !isObject(m['contents'])) out.push({ message: 'must be specified', property: `${at}.contents` });
  if (type === 'template' && !isObject(m['template'])) out.push({ message: 'must be specified', property: `${at}.template` });
  return out;
}

export function asMessages(body: Record<string, unknown>): StandinMessage[] {
  return body['messages'] as StandinMessage[];
}

/** X-Line-Retry-Key must be a UUID in hex form. */
export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

/** 5..60 in steps of 5, as LINE requires. */
export function isLoadingSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 5 && v <= 60 && v % 5 === 0;
}
