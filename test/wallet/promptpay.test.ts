/**
 * The deposit QR as a banking app reads it: the PNG decoded, its EMVCo fields read back.
 */
import { describe, expect, it } from 'vitest';
import { promptPayPng } from '../../src/wallet/promptpay.ts';
import { decodeQrPng, promptPayPhone, readPromptPay } from '../support/promptpay.ts';

describe('deposit QR (PromptPay)', () => {
  it.each([
    ['a phone number', '0812345678', 50_000, '0066812345678', '500.00'],
    ['a national id', '1234567890123', 12_345, '1234567890123', '123.45'],
    ['a phone number, a small amount', '0898765432', 2_000, promptPayPhone('0898765432'), '20.00'],
  ])('%s: the scanned code pays %s the amount, in baht, with a valid checksum', async (_what, id, satang, scannedId, amount) => {
    const scanned = readPromptPay(decodeQrPng(await promptPayPng(id, satang)));
    expect(scanned).toEqual({ promptPayId: scannedId, amount, currency: '764', country: 'TH', checksumValid: true });
  });
});
