/**
 * What a real (non-demo) bot must have before it starts: the credentials, and in production
 * the payment settings that customers depend on.
 */
import { ConfigError } from './errors.ts';
import type { Settings } from './schema.ts';
import type { PaymentMode } from './types.ts';

/** Credentials that production refuses to start without (DESIGN §3). */
export const PRODUCTION_REQUIRED = [
  'LINE_CHANNEL_SECRET',
  'LINE_CHANNEL_ACCESS_TOKEN',
  'TOPUP_API_URL',
  'TOPUP_USERNAME',
  'TOPUP_PASSWORD',
  'TOPUP_CALLBACK_SECRET',
] as const;

export function checkCredentials(e: Settings, mode: { production: boolean; demo: boolean }): void {
  if (mode.production) {
    const missing = PRODUCTION_REQUIRED.find((name) => !e[name]);
    if (missing) throw new ConfigError(missing, 'is required when NODE_ENV=production');
  } else if (!mode.demo) {
    // A half-configured development setup would talk to real LINE or a real provider with
    // demo credentials; insist on the full set instead.
    const missing = PRODUCTION_REQUIRED.find((name) => !e[name]);
    if (missing) {
      throw new ConfigError(missing, 'is required once any LINE or provider credential is set (unset them all for demo mode)');
    }
  }
}

/** Wallet mode in production: customers deposit by PromptPay QR, which LINE loads over https. */
export function checkProductionPayments(paymentMode: PaymentMode, payments: { promptPayId?: string; publicUrl?: string }): void {
  if (paymentMode !== 'wallet') return;
  const { promptPayId, publicUrl } = payments;
  if (!promptPayId) {
    throw new ConfigError(
      'PROMPTPAY_ID',
      'is required when PAYMENT_MODE=wallet (the default): customers deposit credit by PromptPay to this phone number or national/tax id. Set it, or choose PAYMENT_MODE=open or trusted',
    );
  }
  if (!publicUrl) {
    throw new ConfigError('PUBLIC_URL', 'is required when PAYMENT_MODE=wallet: the https address of this bot (e.g. https://topup.example.com), where LINE fetches the deposit QR codes');
  }
  if (!publicUrl.startsWith('https://')) {
    throw new ConfigError('PUBLIC_URL', `must be an https address in production (LINE shows images only from https), got "${publicUrl}"`);
  }
}
