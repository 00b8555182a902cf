/** What a customer reads when an owner decides their deposit or adjusts their credit. */
import { formatBaht } from '../format.ts';
import { toLanguage, translator } from '../i18n.ts';
import { messageChip, textMessage } from '../line/messages/text.ts';
import type { Push } from '../outbox/index.ts';
import type { Decided } from '../wallet/deposits.ts';

export function depositDecidedPush(decided: Decided): Push {
  const { deposit } = decided;
  const t = translator(toLanguage(deposit.language));
  const amount = formatBaht(deposit.amountSatang);
  const message =
    decided.kind === 'rejected'
      ? textMessage(t('deposit.rejected', { amount, ref: deposit.ref }), [messageChip(t('chip.balance'))])
      : textMessage(t('deposit.approved', { amount, ref: deposit.ref, balance: formatBaht(decided.wallet.balanceSatang) }), [
          messageChip(t('chip.topup')),
          messageChip(t('chip.balance')),
        ]);
  return { key: `deposit:${deposit.id}:${decided.kind}`, to: deposit.chatId, messages: [message] };
}

export function creditAdjustedPush(adjusted: {
  ledgerId: number;
  userId: string;
  language: string;
  kind: 'credit' | 'debit';
  amountSatang: number;
  reason: string;
  balanceSatang: number;
}): Push {
  const t = translator(toLanguage(adjusted.language));
  const text = t(`wallet.adjusted.${adjusted.kind}`, {
    amount: formatBaht(adjusted.amountSatang),
    reason: adjusted.reason,
    balance: formatBaht(adjusted.balanceSatang),
  });
  return { key: `ledger:${adjusted.ledgerId}`, to: adjusted.userId, messages: [textMessage(text, [messageChip(t('chip.balance'))])] };
}
