/**
 * Reading a PromptPay QR the way a banking app does: the PNG's pixels → the QR's text (jsQR) →
 * the EMVCo merchant-presented fields. Written from the EMVCo and PromptPay specifications, not
 * from the library the bot builds its payload with, so a test compares the two.
 */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsQR is CommonJS with an ES-style `default` in its types; Node hands over module.exports.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

/** The text a QR code in a PNG holds; throws when no code is found. */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return code.data;
}

/** EMVCo TLV: two-digit id, two-digit length, value; in order, as found. */
export function emvFields(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < payload.length) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length)) throw new Error(`not an EMVCo field at ${at}: ${payload.slice(at)}`);
    fields.set(id, payload.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

export interface PromptPayQr {
  /** Tag 29, sub-tag 01 (phone, `0066` + 9 digits), 02 (national or tax id) or 03 (e-wallet). */
  promptPayId: string;
  /** Tag 54 as written (`500.00`); undefined when the payer types the amount. */
  amount?: string;
  /** Tag 53: ISO 4217 numeric (764 = baht). */
  currency?: string;
  /** Tag 58. */
  country?: string;
  /** Tag 63 matches the CRC-16/CCITT-FALSE of everything before it. */
  checksumValid: boolean;
}

export function readPromptPay(payload: string): PromptPayQr {
  const fields = emvFields(payload);
  const account = emvFields(fields.get('29') ?? '');
  if (account.get('00') !== 'A000000677010111') throw new Error(`not a PromptPay QR: ${payload}`);
  const promptPayId = account.get('01') ?? account.get('02') ?? account.get('03');
  if (!promptPayId) throw new Error(`no PromptPay id in ${payload}`);
  const body = payload.slice(0, payload.length - 4);
  return {
    promptPayId,
    ...(fields.has('54') ? { amount: fields.get('54') } : {}),
    ...(fields.has('53') ? { currency: fields.get('53') } : {}),
    ...(fields.has('58') ? { country: fields.get('58') } : {}),
    checksumValid: body.endsWith('6304') && crc16(body) === fields.get('63'),
  };
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), four upper-case hex digits, as EMVCo asks. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** A Thai mobile number as PromptPay carries it: `0812345678` → `0066812345678`. */
export function promptPayPhone(localNumber: string): string {
  return `0066${localNumber.replace(/^0/, '')}`;
}
