/**
 * The owners' side of payments: approving or rejecting a deposit slip (the first tap counts),
 * crediting or debiting a customer by command with a reason, and the staff list of trusted
 * mode. Every answer is Thai, for the owners' group.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findCustomer, listTrustedCustomers, trustCustomer, untrustCustomer } from '../db/queries/customers.ts';
import { findDepositByRef, listDepositsAwaitingApproval } from '../db/queries/deposits.ts';
import { findOrderByRef } from '../db/queries/orders.ts';
import { readWallet } from '../db/queries/wallets.ts';
import { formatBaht } from '../format.ts';
import type { T } from '../i18n.ts';
import { LINE_USER_ID } from '../line-ids.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import type { Logger } from '../log.ts';
import type { Outbox } from '../outbox/index.ts';
import { adjustCredit, decideDeposit, slipImageUrl } from '../wallet/deposits.ts';
import { depositsCarousel, MAX_CARDS_IN_CAROUSEL, ownerChips } from './cards/index.ts';
import { creditAdjustedPush, depositDecidedPush } from './payment-news.ts';

export interface PaymentDeps {
  db: Db;
  config: Config;
  logger: Logger;
  outbox: Outbox;
  /** Base of the slip image URLs on deposit cards. */
  publicUrl: string;
}

/** อนุมัติ / ปฏิเสธ on a deposit card. */
export async function onDepositDecision(
  deps: PaymentDeps,
  t: T,
  request: { depositId: string; approve: boolean; by: string; logger: Logger },
): Promise<LineMessage[]> {
  const decision = { depositId: request.depositId, approve: request.approve, by: request.by };
  const outcome = await decideDeposit(deps.db, decision, (tx, decided) => deps.outbox.queue(tx, depositDecidedPush(decided)));
  if (outcome.kind === 'already') {
    const d = outcome.deposit;
    if (!d) return [textMessage(t('owner.deposit.notFound'))];
    const by = d.decidedBy ? await nameOf(deps.db, d.decidedBy) : undefined;
    return [textMessage(t('owner.deposit.already', { ref: d.ref, amount: formatBaht(d.amountSatang), state: t(`owner.deposit.state.${d.status}`), by: by ?? '-' }))];
  }
  deps.outbox.kick();
  const d = outcome.deposit;
  const customer = (await findCustomer(deps.db, d.userId))?.displayName ?? d.userId;
  request.logger.info({ ref: d.ref, decision: outcome.kind, by: request.by }, 'owner decided a deposit');
  if (outcome.kind === 'rejected') return [textMessage(t('owner.deposit.rejected', { ref: d.ref, amount: formatBaht(d.amountSatang), customer }))];
  return [
    textMessage(
      t('owner.deposit.approved', { ref: d.ref, amount: formatBaht(d.amountSatang), customer, balance: formatBaht(outcome.wallet.balanceSatang) }),
    ),
  ];
}

/** `เพิ่มเครดิต` / `หักเครดิต <customer> <amount> <reason>`. */
export async function onAdjust(
  deps: PaymentDeps,
  t: T,
  request: { direction: 'credit' | 'debit'; target: string; amountSatang: number; reason: string; by: string; eventId: string },
): Promise<LineMessage[]> {
  if (deps.config.paymentMode !== 'wallet') return [textMessage(t('owner.adjust.notWallet'))];
  const userId = await resolveCustomer(deps.db, request.target);
  if (!userId) return [textMessage(t('owner.adjust.notFound', { target: request.target }))];
  const customer = await findCustomer(deps.db, userId);
  const adjustment = {
    userId,
    kind: request.direction,
    amountSatang: request.amountSatang,
    reason: request.reason,
    actor: request.by,
    key: `event:${request.eventId}`,
  };
  const result = await adjustCredit(deps.db, adjustment, (tx, applied) =>
    deps.outbox.queue(
      tx,
      creditAdjustedPush({
        ...adjustment,
        ledgerId: applied.entry.id,
        language: customer?.language ?? 'th',
        balanceSatang: applied.wallet.balanceSatang,
      }),
    ),
  );
  const vars = {
    customer: customer?.displayName ?? userId,
    amount: formatBaht(request.amountSatang),
    reason: request.reason,
    balance: formatBaht(result.wallet.balanceSatang),
  };
  if (result.kind === 'insufficient') return [textMessage(t('owner.adjust.insufficient', vars))];
  if (result.kind === 'applied') deps.outbox.kick();
  return [textMessage(t(`owner.adjust.${request.direction}`, vars), ownerChips(t))];
}

/** A customer named by LINE user id, order ref (TP…) or deposit ref (DP…). */
async function resolveCustomer(db: Db, target: string): Promise<string | undefined> {
  if (LINE_USER_ID.test(target)) return target;
  const ref = target.toUpperCase();
  if (ref.startsWith('DP')) return (await findDepositByRef(db, ref))?.userId;
  if (ref.startsWith('TP')) return (await findOrderByRef(db, ref))?.userId;
  // Any other id seen in the shop (tests and older chats may use other id shapes).
  return (await findCustomer(db, target))?.userId;
}

/** The deposits waiting for an owner, for `รายการค้าง`. */
export async function pendingDeposits(deps: PaymentDeps, t: T): Promise<LineMessage | undefined> {
  const waiting = await listDepositsAwaitingApproval(deps.db, { limit: MAX_CARDS_IN_CAROUSEL });
  if (waiting.length === 0) return undefined;
  const cards = await Promise.all(
    waiting.map(async (deposit) => ({
      deposit,
      input: {
        customerName: (await findCustomer(deps.db, deposit.userId))?.displayName ?? undefined,
        balanceSatang: (await readWallet(deps.db, deposit.userId)).balanceSatang,
        slipUrl: slipImageUrl(deps.publicUrl, deposit),
      },
    })),
  );
  return depositsCarousel(t, cards);
}

/** Trusted mode's staff list: `เพิ่มพนักงาน`, `ลบพนักงาน`, `พนักงาน`. */
export async function onStaffCommand(
  deps: PaymentDeps,
  t: T,
  command: { kind: 'trust'; userId: string; name?: string } | { kind: 'untrust'; userId: string } | { kind: 'staff' },
  by: string,
): Promise<LineMessage[]> {
  const { db, config } = deps;
  const note = config.paymentMode === 'trusted' ? '' : `\n${t('owner.staff.notTrustedMode')}`;
  switch (command.kind) {
    case 'trust': {
      await trustCustomer(db, { userId: command.userId, staffName: command.name, by });
      const name = command.name ?? (await findCustomer(db, command.userId))?.displayName ?? command.userId;
      return [textMessage(t('owner.staff.added', { name }) + note, ownerChips(t))];
    }
    case 'untrust': {
      if (config.payments.trustedUserIds.includes(command.userId)) return [textMessage(t('owner.staff.configured'))];
      const removed = await untrustCustomer(db, command.userId);
      return [textMessage(t(removed ? 'owner.staff.removed' : 'owner.staff.notOnList', { userId: command.userId }))];
    }
    case 'staff': {
      const listed = await listTrustedCustomers(db);
      const lines = [
        ...config.payments.trustedUserIds.map((id) => t('owner.staff.lineConfigured', { userId: id })),
        ...listed
          .filter((c) => !config.payments.trustedUserIds.includes(c.userId))
          .map((c) => t('owner.staff.line', { name: c.staffName ?? c.displayName ?? '-', userId: c.userId })),
      ];
      if (lines.length === 0) return [textMessage(t('owner.staff.none') + note)];
      return [textMessage([t('owner.staff.title', { count: lines.length }), ...lines].join('\n') + note)];
    }
  }
}

async function nameOf(db: Db, userId: string): Promise<string> {
  return (await findCustomer(db, userId))?.displayName ?? userId;
}
