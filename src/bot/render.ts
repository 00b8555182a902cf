/**
 * Turns the conversation's decision into LINE messages: one text per note, then the question
 * (with its quick replies) or the confirm card. At most 5 messages, as LINE allows.
 */
import type { Next, Note, Slots } from '../chat/types.ts';
import { formatBaht, formatMobile } from '../format.ts';
import type { T } from '../i18n.ts';
import { networkName } from '../line/messages/brand.ts';
import { confirmCard } from '../line/messages/confirm-card.ts';
import { messageChip, postbackChip, textMessage, type QuickChip } from '../line/messages/text.ts';
import { encodePostback } from '../line/postback.ts';
import type { Network } from '../networks.ts';

import type { LineMessage } from '../line/client.ts';

export type { LineMessage };

/** Spoken aliases the NLU understands, used as the text a network chip sends. */
const NETWORK_CHIP_TEXT: Record<Network, string> = {
  AIS: 'AIS',
  DTAC: 'dtac',
  TRUE: 'ทรู',
  TOT: 'TOT',
  MY: 'my by NT',
  FEELS: 'Feels',
  PENGUIN: 'เพนกวิน',
};

export function renderNote(t: T, note: Note): string {
  switch (note.kind) {
    case 'networkClosed':
      return t('note.networkClosed', { network: networkName(note.network) });
    case 'amountNotAllowed':
      return t('note.amountNotAllowed', {
        network: networkName(note.network),
        amount: formatBaht(note.amount * 100),
        nearest: note.nearest.map((a) => formatBaht(a * 100)).join(t('note.or')),
      });
    default:
      return t(`note.${note.kind}`);
  }
}

/** Quick replies that help anyone who is not sure what to type. */
export function helpChips(t: T): QuickChip[] {
  return [messageChip(t('chip.topup')), messageChip(t('chip.status')), messageChip(t('chip.help'))];
}

type Question = Exclude<Next, { kind: 'confirm' | 'confirmDraft' | 'status' | 'balance' | 'deposit' | 'cancelLatestOrder' }>;

export function renderQuestion(t: T, next: Question): LineMessage {
  switch (next.kind) {
    case 'askNetwork':
      return textMessage(
        t('ask.network'),
        next.networks.map((n) => messageChip(networkName(n), NETWORK_CHIP_TEXT[n])),
      );
    case 'askNumber':
      return textMessage(
        t('ask.number'),
        next.recent.map((n) => messageChip(t('chip.sameNumber', { number: formatMobile(n) }), n)),
      );
    case 'askAmount':
      return textMessage(
        t('ask.amount', { network: networkName(next.network) }),
        next.amounts.map((a) => messageChip(formatBaht(a * 100), t('chip.amountText', { amount: a }))),
      );
    case 'chooseAmount':
      return textMessage(
        t('ask.chooseAmount'),
        next.candidates.map((a) => messageChip(formatBaht(a * 100), t('chip.amountText', { amount: a }))),
      );
    case 'askWhatToChange':
      return textMessage(
        t('ask.whatToChange', {
          number: formatMobile(next.slots.number),
          network: networkName(next.slots.network),
          amount: formatBaht(next.slots.amount * 100),
        }),
        [
          postbackChip(t('ask.changeNumber'), encodePostback('change', { slot: 'number' })),
          postbackChip(t('ask.changeNetwork'), encodePostback('change', { slot: 'network' })),
          postbackChip(t('ask.changeAmount'), encodePostback('change', { slot: 'amount' })),
          postbackChip(t('chip.cancel'), encodePostback('cancel')),
        ],
      );
    case 'help':
      return textMessage(next.greeting ? t('greeting') : t('help'), helpChips(t));
    case 'thanks':
      return textMessage(t('thanks'));
    case 'nothingToConfirm':
      return textMessage(t('nothingToConfirm'), helpChips(t));
  }
}

export interface DraftForCard {
  id: string;
  confirmToken: string;
  number: string;
  network: string;
  amountSatang: number;
}

/** The draft's confirm card; `options.before` marks the fields a correction changed. */
export function renderConfirmCard(
  t: T,
  draft: DraftForCard,
  minutesToConfirm: number,
  options: { credit?: { balanceSatang: number }; before?: Required<Slots> } = {},
): LineMessage {
  const { credit, before } = options;
  return confirmCard(t, {
    credit,
    ...(before ? { before: { number: before.number, network: before.network, amountSatang: before.amount * 100 } } : {}),
    number: draft.number,
    network: draft.network,
    amountSatang: draft.amountSatang,
    minutesToConfirm,
    confirmData: encodePostback('confirm', { order: draft.id, t: draft.confirmToken }),
    editData: encodePostback('edit', { order: draft.id }),
    cancelData: encodePostback('cancel', { order: draft.id }),
  });
}

/** Notes first, then the closing message(s); never more than LINE's five. */
export function compose(t: T, notes: Note[], closing: LineMessage | LineMessage[] | undefined): LineMessage[] {
  const texts = notes.map((n) => textMessage(renderNote(t, n)));
  const last = closing === undefined ? [] : Array.isArray(closing) ? closing : [closing];
  return [...texts.slice(0, 5 - last.length), ...last];
}
