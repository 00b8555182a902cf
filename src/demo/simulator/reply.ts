/** Building the simulator's HTTP replies: TOPUP XML in UTF-8 or windows-874, and the spoiled variants. */
import { encodeWindows874 } from '../../provider/charset.ts';

export type ReplyFields = ReadonlyArray<readonly [tag: string, value: string]>;

export interface RawReply {
  status: number;
  contentType: string;
  body: Buffer;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function topupXml(fields: ReplyFields, encoding: 'UTF-8' | 'TIS-620' = 'UTF-8'): string {
  const lines = fields.map(([tag, value]) => `     <${tag}>${escapeXml(value)}</${tag}>`);
  return `<?xml version="1.0" encoding="${encoding}"?>\n<TOPUP>\n${lines.join('\n')}\n</TOPUP>\n`;
}

export function xmlReply(fields: ReplyFields): RawReply {
  return { status: 200, contentType: 'text/xml; charset=UTF-8', body: Buffer.from(topupXml(fields), 'utf8') };
}

export function tis620Reply(fields: ReplyFields): RawReply {
  return { status: 200, contentType: 'text/xml; charset=TIS-620', body: encodeWindows874(topupXml(fields, 'TIS-620')) };
}

/** Cut inside the last element so that no parser (nor the client's TOPUP extraction) can recover it. */
export function truncatedReply(fields: ReplyFields): RawReply {
  const xml = topupXml(fields);
  const cut = Math.max(xml.indexOf('<TOPUP>') + 10, xml.lastIndexOf('</TOPUP>') - 6);
  return { status: 200, contentType: 'text/xml; charset=UTF-8', body: Buffer.from(xml.slice(0, cut), 'utf8') };
}

export function htmlErrorReply(): RawReply {
  const html =
    '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head><body>\n' +
    '<h1>Internal Server Error</h1>\n<p>The server encountered an internal error or misconfiguration.<br>\n' +
    '<b>Fatal error</b>: Maximum execution time of 30 seconds exceeded in <b>/var/www/topup/api/v2.php</b></p>\n</body></html>\n';
  return { status: 500, contentType: 'text/html; charset=UTF-8', body: Buffer.from(html, 'utf8') };
}

export function emptyReply(): RawReply {
  return { status: 200, contentType: 'text/xml; charset=UTF-8', body: Buffer.alloc(0) };
}
