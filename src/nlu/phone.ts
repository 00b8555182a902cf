import { PhoneNumber, type E164Number } from 'libphonenumber-js/core';
// The mobile-only metadata: the package's `libphonenumber-js/mobile` entry point, made explicit
// (its CommonJS build does not bind metadata to PhoneNumber, its ES build does).
import mobileMetadata from 'libphonenumber-js/metadata.mobile.json';

/**
 * Thai mobile numbers: from the digits a customer typed to the 10-digit local form, validated
 * with libphonenumber-js's mobile-only metadata (the default metadata also accepts landlines).
 */

/**
 * The 10-digit local form the digits spell, or null when their shape is not a Thai number:
 * 0XXXXXXXXX, 66XXXXXXXXX, +66XXXXXXXXX, +66 0XXXXXXXXX (a stray trunk 0), 0066XXXXXXXXX.
 * Shape only; call isThaiMobile for validity.
 */
export function localForm(digits: string, plus: boolean): string | null {
  const n = digits.length;
  if (plus) {
    if (!digits.startsWith('66')) return null;
    if (n === 11) return '0' + digits.slice(2);
    if (n === 12 && digits.charCodeAt(2) === 0x30) return digits.slice(2);
    return null;
  }
  if (n === 10 && digits.charCodeAt(0) === 0x30) return digits;
  if (n === 11 && digits.startsWith('66')) return '0' + digits.slice(2);
  if (n === 13 && digits.startsWith('0066')) return '0' + digits.slice(4);
  return null;
}

/** Is a 10-digit local form a valid Thai mobile number? */
export function isThaiMobile(local: string): boolean {
  if (local.length !== 10 || local.charCodeAt(0) !== 0x30) return false;
  // Built straight from E.164: +66 belongs to Thailand alone, and skipping libphonenumber's text
  // parser (we have already found the digits) makes this about three times cheaper.
  return new PhoneNumber(`+66${local.slice(1)}` as E164Number, mobileMetadata).isValid();
}
