/** What the customer reads right after tapping ยืนยัน, for each outcome of the submit. */
import { formatBaht, formatMobile } from '../format.ts';
import type { T } from '../i18n.ts';
import { networkName } from '../line/messages/brand.ts';
import { messageChip, textMessage } from '../line/messages/text.ts';
import type { SubmitOutcome } from '../orders/hooks.ts';
import { creditText, failureText, retryText, type FailureReason } from '../orders/notify.ts';
import type { LineMessage } from './render.ts';

export function renderSubmitOutcome(t: T, outcome: SubmitOutcome): LineMessage[] {
  const { order } = outcome;
  const vars = {
    ref: order.ref,
    number: formatMobile(order.number),
    network: networkName(order.network),
    amount: formatBaht(order.amountSatang),
  };
  switch (outcome.kind) {
    case 'pending':
    case 'deferred':
      return [textMessage(t('order.pending', vars))];
    case 'unknown':
      return [textMessage(t('order.unknown', vars))];
    case 'failed':
      return [
        textMessage(
          [t('result.failed.altText', vars), failureText(t, outcome.reason as FailureReason, outcome.detail), ...(outcome.credit ? [creditText(t, outcome.credit)] : [])].join('\n'),
          [
            messageChip(t('result.retry'), retryText(t, order)),
          ],
        ),
      ];
  }
}
