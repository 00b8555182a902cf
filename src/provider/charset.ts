/**
 * Character sets of provider replies. Thai PHP hosts often answer in TIS-620 / windows-874 rather
 * than UTF-8. The WHATWG decoder behind TextDecoder knows windows-874 (and its labels tis-620,
 * iso-8859-11), but there is no built-in encoder, hence the small one below for the simulator
 * and for test fixtures.
 */

// Labels seen in the wild that the WHATWG label table does not list.
const ALIASES: Record<string, string> = {
  tis620: 'windows-874',
  'tis-620-2533': 'windows-874',
  cp874: 'windows-874',
  'x-windows-874': 'windows-874',
  ms874: 'windows-874',
  thai: 'windows-874',
};

/** The charset parameter of a Content-Type header, lower-cased, or undefined. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m?.[1]?.toLowerCase();
}

/** The encoding named by an `<?xml … encoding="…"?>` declaration at the start of the body. */
export function charsetFromXmlDeclaration(body: Uint8Array): string | undefined {
  // The declaration is ASCII in every charset we care about, so latin1 is a safe way to peek.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 256)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head.replace(/^\uFEFF|^ï»¿/, ''));
  return m?.[1]?.toLowerCase();
}

/** A TextDecoder for the label, or undefined when Node does not know it. */
export function decoderFor(label: string): TextDecoder | undefined {
  const name = ALIASES[label.toLowerCase()] ?? label;
  try {
    // Not fatal: a mislabelled reply with garbled Thai is still worth reading for its ASCII tags
    // (a refill's ORDERID must not be lost over a bad DETAIL).
    return new TextDecoder(name);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a reply body: Content-Type charset first, then the XML declaration, then UTF-8.
 * An unknown label falls through to the next source, ending at UTF-8.
 */
export function decodeBody(body: Uint8Array, contentType?: string): { text: string; charset: string } {
  for (const label of [charsetFromContentType(contentType), charsetFromXmlDeclaration(body)]) {
    if (!label) continue;
    const decoder = decoderFor(label);
    if (decoder) return { text: decoder.decode(body), charset: decoder.encoding };
  }
  return { text: new TextDecoder('utf-8').decode(body), charset: 'utf-8' };
}

/**
 * Encodes text as windows-874 (a superset of TIS-620): ASCII as is, Thai U+0E01–U+0E5B to
 * 0xA1–0xFB, NBSP to 0xA0; anything else becomes '?'. Only what the simulator and fixtures need.
 */
export function encodeWindows874(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (cp < 0x80) out.push(cp);
    else if (cp === 0xa0) out.push(0xa0);
    else if (cp >= 0x0e01 && cp <= 0x0e5b && !(cp >= 0x0e3b && cp <= 0x0e3e)) out.push(cp - 0x0d60);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}
