/**
 * Decoding and parsing of `<TOPUP>…</TOPUP>` replies into a flat field map. Values stay strings
 * (parseTagValue: false): an ORDERID such as "00123" must keep its leading zeros, and amounts
 * are converted by money.ts, not by a float parser.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeBody } from './charset.ts';

export type TopupFields = ReadonlyMap<string, string>;

export class TopupXmlError extends Error {
  override readonly name = 'TopupXmlError';
  constructor(
    readonly reason: 'empty' | 'unparseable',
    message: string,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/**
 * Parses a decoded reply. Tag names are upper-cased; every child of TOPUP must be a single text
 * value (a repeated or nested field makes the whole reply unparseable: two ORDERIDs are not
 * something to guess about).
 */
export function parseTopup(text: string): TopupFields {
  if (text.trim() === '') throw new TopupXmlError('empty', 'empty reply body');
  const xml = wellFormed(text) ?? wellFormed(extractTopupElement(text));
  if (xml === undefined) throw new TopupXmlError('unparseable', 'reply is not well-formed XML');

  const doc: unknown = parser.parse(xml);
  const root = findRoot(doc);
  if (root === undefined) throw new TopupXmlError('unparseable', 'reply has no <TOPUP> element');
  if (typeof root !== 'object' || root === null) return new Map(); // <TOPUP/> or text only

  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(root as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      throw new TopupXmlError('unparseable', `field <${key}> is repeated or nested`);
    }
    fields.set(key.toUpperCase(), value);
  }
  return fields;
}

/** decodeBody + parseTopup. */
export function decodeAndParse(body: Uint8Array, contentType?: string): { fields: TopupFields; text: string } {
  const { text } = decodeBody(body, contentType);
  return { fields: parseTopup(text), text };
}

function wellFormed(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return XMLValidator.validate(text) === true ? text : undefined;
}

/**
 * PHP hosts like to print notices ("Warning: … on line 12<br />") before the real reply. If the
 * body contains one complete TOPUP element, that element is the reply.
 */
function extractTopupElement(text: string): string | undefined {
  const m = /<TOPUP\b[^>]*>[\s\S]*<\/TOPUP\s*>/i.exec(text);
  return m?.[0];
}

function findRoot(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const entries = Object.entries(doc as Record<string, unknown>);
  if (entries.length !== 1) return undefined;
  const [name, value] = entries[0] ?? [];
  return name?.toUpperCase() === 'TOPUP' ? value : undefined;
}
