/**
 * Deposits of prepaid credit: created with a PromptPay QR, then a slip, then an owner's
 * decision. Every step is one conditional UPDATE (`WHERE status = …`), so a second slip, a
 * second tap or another instance changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { deposits, depositSlips, type DepositRow, type DepositStatus } from '../schema.ts';

/** No 0/O/1/I, as for order refs: read aloud over the phone. */
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newDepositRef(): string {
  let ref = 'DP';
  for (const byte of randomBytes(8)) ref += REF_ALPHABET[byte % REF_ALPHABET.length];
  return ref;
}

/** 144 random bits: a URL nobody can guess. */
export function newPublicToken(): string {
  return randomBytes(18).toString('base64url');
}

export async function createDeposit(
  db: DbOrTx,
  deposit: { userId: string; chatId: string; amountSatang: number; promptPayId: string; language: string; ttlMs: number },
): Promise<DepositRow> {
  const [row] = await db
    .insert(deposits)
    .values({
      ref: newDepositRef(),
      userId: deposit.userId,
      chatId: deposit.chatId,
      amountSatang: deposit.amountSatang,
      promptPayId: deposit.promptPayId,
      qrToken: newPublicToken(),
      language: deposit.language,
      expiresAt: new Date(Date.now() + deposit.ttlMs),
    })
    .returning();
  return row!;
}

export async function findDeposit(db: DbOrTx, id: string): Promise<DepositRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(deposits).where(eq(deposits.id, id));
  return row;
}

export async function findDepositByRef(db: DbOrTx, ref: string): Promise<DepositRow | undefined> {
  const [row] = await db.select().from(deposits).where(eq(deposits.ref, ref.toUpperCase()));
  return row;
}

export async function findDepositByQrToken(db: DbOrTx, token: string): Promise<DepositRow | undefined> {
  const [row] = await db.select().from(deposits).where(eq(deposits.qrToken, token));
  return row;
}

/** The customer's newest deposit in `status` (awaiting_slip: only while it may still take a slip). */
export async function findLatestDeposit(db: DbOrTx, options: { userId: string; status: DepositStatus }): Promise<DepositRow | undefined> {
  const [row] = await db
    .select()
    .from(deposits)
    .where(
      and(
        eq(deposits.userId, options.userId),
        eq(deposits.status, options.status),
        options.status === 'awaiting_slip' ? gt(deposits.expiresAt, sql`now()`) : undefined,
      ),
    )
    .orderBy(desc(deposits.createdAt))
    .limit(1);
  return row;
}

/** Older deposits still waiting for a slip are replaced by a new one (only the newest QR counts). */
export async function expireWaitingDeposits(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(deposits)
    .set({ status: 'expired', decidedAt: sql`now()` })
    .where(and(eq(deposits.userId, userId), eq(deposits.status, 'awaiting_slip')));
}

/**
 * awaiting_slip → awaiting_approval with the slip stored beside it. Returns undefined when the
 * deposit no longer waits for a slip (a second photo, a redelivered event).
 */
export async function attachDepositSlip(
  tx: DbOrTx,
  options: { depositId: string; messageId: string; contentType: string; data: Buffer },
): Promise<DepositRow | undefined> {
  const [row] = await tx
    .update(deposits)
    .set({ status: 'awaiting_approval', slipAt: sql`now()`, slipToken: newPublicToken() })
    .where(and(eq(deposits.id, options.depositId), eq(deposits.status, 'awaiting_slip'), gt(deposits.expiresAt, sql`now()`)))
    .returning();
  if (!row) return undefined;
  await tx.insert(depositSlips).values({
    depositId: row.id,
    messageId: options.messageId,
    contentType: options.contentType,
    data: options.data,
  });
  return row;
}

/** awaiting_approval → approved | rejected, once: the owner who taps second gets undefined. */
export async function decideDeposit(
  tx: DbOrTx,
  options: { depositId: string; to: 'approved' | 'rejected'; by: string },
): Promise<DepositRow | undefined> {
  if (!isUuid(options.depositId)) return undefined;
  const [row] = await tx
    .update(deposits)
    .set({ status: options.to, decidedAt: sql`now()`, decidedBy: options.by })
    .where(and(eq(deposits.id, options.depositId), eq(deposits.status, 'awaiting_approval')))
    .returning();
  return row;
}

/** The slip image for the owners' card, by its unguessable token. */
export async function findSlipByToken(db: DbOrTx, token: string): Promise<{ contentType: string; data: Buffer } | undefined> {
  const [row] = await db
    .select({ contentType: depositSlips.contentType, data: depositSlips.data })
    .from(depositSlips)
    .innerJoin(deposits, eq(deposits.id, depositSlips.depositId))
    .where(eq(deposits.slipToken, token));
  return row;
}

/** Deposits whose slip waits for an owner, oldest first. */
export async function listDepositsAwaitingApproval(db: DbOrTx, options: { limit: number }): Promise<DepositRow[]> {
  return db.select().from(deposits).where(eq(deposits.status, 'awaiting_approval')).orderBy(asc(deposits.slipAt)).limit(options.limit);
}

export async function countDepositsAwaitingApproval(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(deposits).where(eq(deposits.status, 'awaiting_approval'));
  return Number(row?.count ?? 0);
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
