/**
 * The customer's side of payments: `เติมเครดิต 500` (a PromptPay QR), the transfer slip (a photo
 * in the chat), `เช็คยอด` (credit and last movements), the offer to deposit when the credit is
 * short, and the answers of trusted mode to strangers.
 */
import type { webhook } from '@line/bot-sdk';
import { findCustomer } from '../db/queries/customers.ts';
import { findLatestDeposit } from '../db/queries/deposits.ts';
import { listWalletMovements, readWallet, type WalletMovement } from '../db/queries/wallets.ts';
import type { DepositRow } from '../db/schema.ts';
import { formatBaht, formatDateTime, formatMobile } from '../format.ts';
import { languageOf, type T } from '../i18n.ts';
import { LineApiError } from '../line/errors.ts';
import { messageChip, textMessage, type QuickChip } from '../line/messages/text.ts';
import { depositSlipAlert } from '../owner/index.ts';
import { attachSlip, checkDepositAmount, MAX_SLIP_BYTES, qrImageUrl, slipImageUrl, startDeposit } from '../wallet/deposits.ts';
import type { EventContext } from './context.ts';
import { helpChips, type LineMessage } from './render.ts';

/** Deposit amounts offered as buttons (whole baht), within DEPOSIT_MIN/MAX_BAHT. */
const DEPOSIT_CHIPS = [100, 300, 500, 1000];
const MOVEMENTS_SHOWN = 5;

/** A chip that types "เติมเครดิต 500" (or "add credit 500"): the NLU reads it as a deposit. */
function depositChip(t: T, baht: number): QuickChip {
  return messageChip(formatBaht(baht * 100), t('deposit.chipText', { amount: baht }));
}

/** Deposit buttons: at least `atLeastSatang` (the shortfall, rounded up to whole baht), then the usual amounts. */
export function depositChips(ctx: EventContext, atLeastSatang = 0): QuickChip[] {
  const { depositMinSatang, depositMaxSatang } = ctx.deps.config.payments;
  const min = Math.ceil(Math.max(atLeastSatang, depositMinSatang) / 100);
  const amounts = new Set<number>();
  if (atLeastSatang > 0 && min * 100 <= depositMaxSatang) amounts.add(min);
  for (const a of DEPOSIT_CHIPS) if (a >= min && a * 100 <= depositMaxSatang) amounts.add(a);
  return [...amounts].sort((a, b) => a - b).map((a) => depositChip(ctx.t, a));
}

/** `081-234-5678` for a phone, `1-2345-67890-12-1` for a national or tax id. */
export function formatPromptPayId(id: string): string {
  if (id.length === 13) return `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
  return formatMobile(id);
}

/** Wallet mode: the welcome and help texts also say how to add and check credit. */
export function withWalletHelp(ctx: EventContext, message: LineMessage): LineMessage {
  if (ctx.deps.config.paymentMode !== 'wallet' || message.type !== 'text') return message;
  const items = message.quickReply?.items ?? [];
  return {
    ...message,
    text: `${message.text}\n${ctx.t('helpWallet')}`,
    quickReply: { items: [...items, messageChip(ctx.t('chip.balance'))].slice(0, 13) },
  };
}

/** `เติมเครดิต 500`: a QR for exactly that amount, and how to send the slip. */
export async function replyDeposit(ctx: EventContext, amountBaht: number | null): Promise<void> {
  const { config, db } = ctx.deps;
  if (config.paymentMode !== 'wallet' || !ctx.userId) return ctx.respond([textMessage(ctx.t('balance.openMode'), helpChips(ctx.t))]);
  if (!config.payments.promptPayId) {
    ctx.logger.warn('a customer asked to deposit but PROMPTPAY_ID is not set');
    return ctx.respond([textMessage(ctx.t('deposit.unavailable'))]);
  }
  if (amountBaht === null) return ctx.respond([textMessage(ctx.t('deposit.askAmount'), depositChips(ctx))]);
  const amountSatang = amountBaht * 100;
  const check = checkDepositAmount(config, amountSatang);
  if (check.kind !== 'ok') {
    return ctx.respond([
      textMessage(ctx.t(`deposit.${check.kind}`, { min: formatBaht(check.minSatang), max: formatBaht(check.maxSatang) }), depositChips(ctx)),
    ]);
  }
  const deposit = await startDeposit(db, config, { userId: ctx.userId, chatId: ctx.chatId, amountSatang, language: ctx.lang });
  ctx.logger.info({ ref: deposit.ref, amountSatang }, 'deposit started');
  const url = qrImageUrl(ctx.deps.publicUrl, deposit);
  return ctx.respond([
    { type: 'image', originalContentUrl: url, previewImageUrl: url },
    textMessage(
      ctx.t('deposit.instructions', {
        amount: formatBaht(amountSatang),
        promptPay: formatPromptPayId(deposit.promptPayId),
        ref: deposit.ref,
      }),
    ),
  ]);
}

/** `เช็คยอด`: the credit, what is set aside for orders in progress, the last movements. */
export async function replyBalance(ctx: EventContext): Promise<void> {
  const { config, db } = ctx.deps;
  if (config.paymentMode === 'open' || !ctx.userId) return ctx.respond([textMessage(ctx.t('balance.openMode'), helpChips(ctx.t))]);
  if (config.paymentMode === 'trusted') return ctx.respond([textMessage(ctx.t('balance.trustedMode'), helpChips(ctx.t))]);
  const [wallet, movements, checking] = await Promise.all([
    readWallet(db, ctx.userId),
    listWalletMovements(db, { userId: ctx.userId, limit: MOVEMENTS_SHOWN }),
    findLatestDeposit(db, { userId: ctx.userId, status: 'awaiting_approval' }),
  ]);
  const lines = [ctx.t('balance.credit', { balance: formatBaht(wallet.balanceSatang) })];
  if (wallet.heldSatang > 0) lines.push(ctx.t('balance.held', { held: formatBaht(wallet.heldSatang) }));
  if (checking) lines.push(ctx.t('balance.checking', { amount: formatBaht(checking.amountSatang), ref: checking.ref }));
  if (movements.length > 0) lines.push('', ctx.t('balance.movementsTitle'), ...movements.map((m) => movementLine(ctx.t, m)));
  else lines.push('', ctx.t('balance.noMovements'));
  lines.push('', ctx.t('balance.customerId', { userId: ctx.userId }));
  return ctx.respond([textMessage(lines.join('\n'), [...depositChips(ctx).slice(0, 3), messageChip(ctx.t('chip.topup'))])]);
}

function movementLine(t: T, m: WalletMovement): string {
  const sign = m.kind === 'hold' || m.kind === 'debit' ? '−' : '+';
  return t('balance.movement', {
    time: formatDateTime(m.createdAt, languageOf(t)),
    what: t(`balance.kind.${m.kind}`, { ref: m.orderRef ?? m.depositRef ?? '', reason: m.reason ?? '' }),
    amount: `${sign}${formatBaht(m.amountSatang)}`,
  });
}

/** The confirm tap found too little credit: say how much is missing and offer a deposit. */
export function insufficientCredit(ctx: EventContext, priceSatang: number, balanceSatang: number, minutesLeft?: number): LineMessage {
  const short = priceSatang - balanceSatang;
  return textMessage(
    ctx.t(minutesLeft === undefined ? 'wallet.shortOnCard' : 'wallet.insufficient', {
      price: formatBaht(priceSatang),
      balance: formatBaht(balanceSatang),
      short: formatBaht(short),
      minutes: minutesLeft ?? 0,
    }),
    depositChips(ctx, short),
  );
}

/** Trusted mode: a stranger may not order; tell them how to be added (the owner needs their id). */
export function notTrusted(ctx: EventContext): LineMessage {
  return textMessage(ctx.t('trusted.refused', { userId: ctx.userId ?? '' }));
}

/** A photo in the 1:1 chat: the transfer slip of a waiting deposit, or kindly not needed. */
export async function onCustomerImage(ctx: EventContext, message: webhook.ImageMessageContent): Promise<void> {
  const { config, db, line } = ctx.deps;
  const notNeeded = () => ctx.respond([textMessage(ctx.t('slip.notNeeded'), helpChips(ctx.t))]);
  if (config.paymentMode !== 'wallet' || !ctx.userId) return notNeeded();
  const waiting = await findLatestDeposit(db, { userId: ctx.userId, status: 'awaiting_slip' });
  if (!waiting) return alreadyOrNotNeeded(ctx, notNeeded);
  if (message.contentProvider.type !== 'line') return ctx.respond([textMessage(ctx.t('slip.sendAsPhoto'))]);

  let data: Buffer;
  try {
    data = await line.getMessageContent(message.id);
  } catch (error) {
    // Gone or never there (LINE keeps content for a limited time): ask again. Anything
    // retryable (5xx, network) propagates, and the stored event is processed again later.
    if (!(error instanceof LineApiError) || error.isRetryable) throw error;
    ctx.logger.warn({ err: error }, 'could not download the slip photo');
    return ctx.respond([textMessage(ctx.t('slip.sendAsPhoto'))]);
  }
  if (data.length > MAX_SLIP_BYTES) return ctx.respond([textMessage(ctx.t('slip.tooLarge'))]);
  const contentType = imageType(data);
  if (!contentType) return ctx.respond([textMessage(ctx.t('slip.sendAsPhoto'))]);

  const customer = await findCustomer(db, ctx.userId);
  const attached = await attachSlip(db, { depositId: waiting.id, messageId: message.id, contentType, data }, async (tx, deposit) => {
    const wallet = await readWallet(tx, deposit.userId);
    await ctx.deps.outbox.alertOwners(tx, {
      dedupeKey: `deposit:${deposit.id}:slip`,
      kind: 'deposit_slip',
      payload: { depositId: deposit.id, ref: deposit.ref, amountSatang: deposit.amountSatang, userId: deposit.userId },
      messages: [
        depositSlipAlert(deposit, {
          customerName: customer?.displayName ?? undefined,
          balanceSatang: wallet.balanceSatang,
          slipUrl: slipImageUrl(ctx.deps.publicUrl, deposit),
        }),
      ],
    });
  });
  if (!attached) return alreadyOrNotNeeded(ctx, notNeeded);
  ctx.deps.outbox.kick();
  ctx.logger.info({ ref: attached.ref }, 'deposit slip received; waiting for an owner');
  return ctx.respond([textMessage(ctx.t('slip.received', vars(attached)), [messageChip(ctx.t('chip.balance'))])]);
}

async function alreadyOrNotNeeded(ctx: EventContext, notNeeded: () => Promise<void>): Promise<void> {
  const checking = ctx.userId ? await findLatestDeposit(ctx.deps.db, { userId: ctx.userId, status: 'awaiting_approval' }) : undefined;
  if (!checking) return notNeeded();
  return ctx.respond([textMessage(ctx.t('slip.alreadyReceived', vars(checking)), [messageChip(ctx.t('chip.balance'))])]);
}

function vars(deposit: DepositRow) {
  return { amount: formatBaht(deposit.amountSatang), ref: deposit.ref };
}

/** JPEG or PNG by their first bytes (what LINE serves for photos); anything else is refused. */
export function imageType(data: Buffer): string | undefined {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return undefined;
}
