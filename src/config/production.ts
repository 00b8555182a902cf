/**
 * What a real (non-demo) bot must have before it starts: the credentials, and in production
 * long secrets and the payment settings customers depend on (DESIGN §3). Each check reports to
 * `problems` and carries on, so the owner sees everything at once.
 */
import type { Problems } from './errors.ts';
import type { Settings } from './schema.ts';
import type { PaymentMode } from './types.ts';

/** Credentials production refuses to start without, and where a shop owner finds each. */
export const CREDENTIALS = {
  LINE_CHANNEL_SECRET: 'the channel secret (LINE Developers console → your channel → Basic settings)',
  LINE_CHANNEL_ACCESS_TOKEN: 'a channel access token (LINE Developers console → your channel → Messaging API)',
  TOPUP_API_URL: "the provider's API URL, path included (from your provider's panel)",
  TOPUP_USERNAME: 'the user name of your provider account',
  TOPUP_PASSWORD: 'the password of your provider account',
  TOPUP_CALLBACK_SECRET: "a random string of at least 16 characters that you choose; the provider's result URL ends with it",
} as const;

/** Production minimums: long enough that guessing them is hopeless. */
export const MINIMUM_LENGTH = { TOPUP_CALLBACK_SECRET: 16, OWNER_REGISTER_CODE: 12 } as const;

export interface Mode {
  production: boolean;
  demo: boolean;
  paymentMode: PaymentMode;
}

/**
 * `env` is the raw environment (is the variable there, how long is it?); `settings` what could
 * be read of it (a value that could not be read is already reported).
 */
export function checkRequirements(env: Record<string, string | undefined>, settings: Partial<Settings>, mode: Mode, problems: Problems): void {
  const present = (variable: string) => Boolean(env[variable]?.trim());
  for (const [variable, what] of Object.entries(CREDENTIALS)) {
    if (present(variable)) continue;
    if (mode.production) problems.add(variable, `is required in production: ${what}`);
    // A half-configured development setup would talk to real LINE or a real provider with
    // demo credentials; insist on the full set instead.
    else if (!mode.demo) problems.add(variable, 'is required once any LINE or provider credential is set (unset them all for demo mode)');
  }
  if (!mode.production) return;

  for (const [variable, minimum] of Object.entries(MINIMUM_LENGTH)) {
    const length = [...(env[variable]?.trim() ?? '')].length;
    if (length > 0 && length < minimum) problems.add(variable, `is ${length} characters long; production needs at least ${minimum}`);
  }

  // Wallet mode: customers deposit by PromptPay QR, which LINE loads over https.
  if (mode.paymentMode !== 'wallet') return;
  if (!present('PROMPTPAY_ID')) {
    problems.add(
      'PROMPTPAY_ID',
      'is required when PAYMENT_MODE=wallet (the default): the PromptPay phone number or national/tax id customers deposit credit to. Set it, or choose PAYMENT_MODE=open or trusted',
    );
  }
  if (!present('PUBLIC_URL')) {
    problems.add('PUBLIC_URL', 'is required when PAYMENT_MODE=wallet: the https address of this bot (e.g. https://topup.example.com), where LINE fetches the deposit QR codes');
  } else if (settings.PUBLIC_URL !== undefined && !settings.PUBLIC_URL.startsWith('https://')) {
    problems.add('PUBLIC_URL', `must be an https address in production (LINE shows images only from https), got "${settings.PUBLIC_URL}"`);
  }
}
