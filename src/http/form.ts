/**
 * A form-encoded body (`application/x-www-form-urlencoded`) read from its raw bytes, in the
 * charset its Content-Type names. Thai PHP systems may percent-encode TIS-620 / windows-874
 * bytes rather than UTF-8; anything TextDecoder does not know is read as UTF-8.
 */

/** `a=1&b=x+y` → `{ a: '1', b: 'x y' }`; a repeated field keeps its last value. */
export function parseForm(body: Buffer, contentType: string | undefined): Record<string, string> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) return {};
  const decoder = decoderFor(/charset="?([^";]+)/i.exec(contentType ?? '')?.[1]);
  const form: Record<string, string> = {};
  for (const pair of body.toString('latin1').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decoder.decode(percentDecode(eq < 0 ? pair : pair.slice(0, eq)));
    const value = eq < 0 ? '' : decoder.decode(percentDecode(pair.slice(eq + 1)));
    // Own keys only: a field named `__proto__` must not reach the prototype.
    Object.defineProperty(form, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return form;
}

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** `%E0%B8%81+x` → its bytes (`+` is a space); a stray `%` stays as it is. */
function percentDecode(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = c === 0x25 ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      bytes[n++] = c === 0x2b ? 0x20 : c;
    }
  }
  return bytes.subarray(0, n);
}
