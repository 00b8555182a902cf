/**
 * Who may order, and how they pay (PAYMENT_MODE): `open` anyone, payment outside the bot;
 * `wallet` anyone, from prepaid credit held at confirm; `trusted` only allow-listed LINE users
 * (TRUSTED_USER_IDS or added by an owner), whose name goes to the provider as the sender.
 */
import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { findCustomer } from '../db/queries/customers.ts';

export type Payment =
  | { kind: 'open' }
  | { kind: 'wallet' }
  | { kind: 'trusted'; sender: string }
  /** Trusted mode, and this customer is not on the list. */
  | { kind: 'refused' };

/** The provider's `users` field is a short label in its reports; keep it short and plain. */
const SENDER_MAX = 40;

export async function paymentFor(db: DbOrTx, config: Config, userId: string): Promise<Payment> {
  switch (config.paymentMode) {
    case 'open':
      return { kind: 'open' };
    case 'wallet':
      return { kind: 'wallet' };
    case 'trusted': {
      const customer = await findCustomer(db, userId);
      if (!customer?.trusted && !config.payments.trustedUserIds.includes(userId)) return { kind: 'refused' };
      return { kind: 'trusted', sender: senderLabel(customer?.staffName ?? customer?.displayName ?? userId) };
    }
  }
}

export function senderLabel(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return [...clean].slice(0, SENDER_MAX).join('') || 'staff';
}
