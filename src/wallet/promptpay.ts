/**
 * The deposit QR: a PromptPay payload (EMVCo merchant-presented mode, built by `promptpay-qr`)
 * for the shop's PromptPay id with the amount in it, drawn as a PNG by `qrcode`. Any Thai
 * banking app scans it and fills in the payee and the amount.
 */
import generatePayload from 'promptpay-qr';
import QRCode from 'qrcode';

/** `promptPayId`: 10-digit phone or 13-digit national/tax id (config normalises it). */
export function promptPayPayload(promptPayId: string, amountSatang: number): string {
  return generatePayload(promptPayId, { amount: amountSatang / 100 });
}

/** A crisp square PNG, a few kilobytes: well under LINE's 1 MB preview limit. */
export async function promptPayPng(promptPayId: string, amountSatang: number): Promise<Buffer> {
  return QRCode.toBuffer(promptPayPayload(promptPayId, amountSatang), {
    type: 'png',
    width: 720,
    margin: 3,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000', light: '#ffffff' },
  });
}
