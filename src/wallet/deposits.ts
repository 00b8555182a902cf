/**
 * Deposits of prepaid credit: "เติมเครดิต 500" → a PromptPay QR for exactly that amount → the
 * customer's transfer slip → an owner approves (the ledger is credited, once) or rejects. Owners
 * may also credit or debit a customer by command, with a reason.
 *
 * Each decision is one transaction: the deposit's conditional state change, the ledger movement
 * and the customer's notification (`announce`, queued by the caller) commit together or not at
 * all. This module builds no messages.
 */
import type { Config } from '../config.ts';
import type { DbOrTx, Db } from '../db/client.ts';
import {
  attachDepositSlip,
  createDeposit,
  decideDeposit as decideDepositRow,
  expireWaitingDeposits,
  findDeposit,
} from '../db/queries/deposits.ts';
import { applyMovement, type MovementResult, type WalletState } from '../db/queries/wallets.ts';
import type { DepositRow } from '../db/schema.ts';

/** A QR stays good for a slip this long; after that the customer asks for a new one. */
export const DEPOSIT_SLIP_TTL_MS = 24 * 60 * 60 * 1000;
/** LINE serves images up to 10 MB; a phone screenshot of a slip is far smaller. */
export const MAX_SLIP_BYTES = 5 * 1024 * 1024;

export function qrImageUrl(baseUrl: string, deposit: Pick<DepositRow, 'qrToken'>): string {
  return `${baseUrl}/qr/${deposit.qrToken}.png`;
}

export function slipImageUrl(baseUrl: string, deposit: Pick<DepositRow, 'slipToken'>): string {
  return `${baseUrl}/slip/${deposit.slipToken ?? 'none'}`;
}

export type AmountCheck = { kind: 'ok' } | { kind: 'tooSmall' | 'tooLarge'; minSatang: number; maxSatang: number };

export function checkDepositAmount(config: Config, amountSatang: number): AmountCheck {
  const { depositMinSatang: minSatang, depositMaxSatang: maxSatang } = config.payments;
  if (amountSatang < minSatang) return { kind: 'tooSmall', minSatang, maxSatang };
  if (amountSatang > maxSatang) return { kind: 'tooLarge', minSatang, maxSatang };
  return { kind: 'ok' };
}

/** A new deposit for the customer; older ones still waiting for a slip are replaced. */
export async function startDeposit(
  db: Db,
  config: Config,
  request: { userId: string; chatId: string; amountSatang: number; language: string },
): Promise<DepositRow> {
  const promptPayId = config.payments.promptPayId;
  if (!promptPayId) throw new Error('PROMPTPAY_ID is not set');
  return db.transaction(async (tx) => {
    await expireWaitingDeposits(tx, request.userId);
    return createDeposit(tx, { ...request, promptPayId, ttlMs: DEPOSIT_SLIP_TTL_MS });
  });
}

/**
 * Stores the slip and moves the deposit to the owners, announcing it (`announce` queues the
 * owners' card) in the same transaction. Undefined when the deposit no longer waits for a slip.
 */
export async function attachSlip(
  db: Db,
  request: { depositId: string; messageId: string; contentType: string; data: Buffer },
  announce: (tx: DbOrTx, deposit: DepositRow) => Promise<unknown>,
): Promise<DepositRow | undefined> {
  return db.transaction(async (tx) => {
    const deposit = await attachDepositSlip(tx, request);
    if (deposit) await announce(tx, deposit);
    return deposit;
  });
}

export type Decided = { kind: 'approved'; deposit: DepositRow; wallet: WalletState } | { kind: 'rejected'; deposit: DepositRow };

export type DecideOutcome =
  | Decided
  /** Decided before (another owner, another tap), or never had a slip. */
  | { kind: 'already'; deposit?: DepositRow };

/**
 * An owner's อนุมัติ / ปฏิเสธ: the first tap decides, every later one is told so. `announce`
 * queues the customer's news in the decision's transaction.
 */
export async function decideDeposit(
  db: Db,
  request: { depositId: string; approve: boolean; by: string },
  announce: (tx: DbOrTx, decided: Decided) => Promise<unknown>,
): Promise<DecideOutcome> {
  const outcome = await db.transaction(async (tx): Promise<DecideOutcome> => {
    const deposit = await decideDepositRow(tx, { depositId: request.depositId, to: request.approve ? 'approved' : 'rejected', by: request.by });
    if (!deposit) return { kind: 'already' };
    if (!request.approve) {
      const rejected = { kind: 'rejected', deposit } as const;
      await announce(tx, rejected);
      return rejected;
    }
    const credited = await applyMovement(tx, 'deposit', {
      userId: deposit.userId,
      amountSatang: deposit.amountSatang,
      depositId: deposit.id,
      actor: request.by,
      key: `deposit:${deposit.id}:deposit`,
    });
    if (credited.kind !== 'applied') throw new Error(`deposit ${deposit.ref} could not be credited: ${credited.kind}`);
    const approved = { kind: 'approved', deposit, wallet: credited.wallet } as const;
    await announce(tx, approved);
    return approved;
  });
  if (outcome.kind === 'already') return { kind: 'already', deposit: await findDeposit(db, request.depositId) };
  return outcome;
}

/**
 * An owner's `เพิ่มเครดิต` / `หักเครดิต`: moves credit with a reason; `announce` tells the customer
 * in the same transaction. `key` makes a re-processed command (the same webhook event) change
 * nothing.
 */
export async function adjustCredit(
  db: Db,
  request: { userId: string; kind: 'credit' | 'debit'; amountSatang: number; reason: string; actor: string; key: string },
  announce: (tx: DbOrTx, applied: Extract<MovementResult, { kind: 'applied' }>) => Promise<unknown>,
): Promise<MovementResult> {
  return db.transaction(async (tx) => {
    const result = await applyMovement(tx, request.kind, {
      userId: request.userId,
      amountSatang: request.amountSatang,
      reason: request.reason,
      actor: request.actor,
      key: request.key,
    });
    if (result.kind === 'applied') await announce(tx, result);
    return result;
  });
}
