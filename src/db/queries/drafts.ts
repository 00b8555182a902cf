/**
 * Draft orders: the order a confirm card shows. A chat has at most one live draft; a new one
 * supersedes the old (the move draft → expired, as a set). The hot path writes drafts with the
 * turn that shows them (turns.ts); these are the other ways.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { orders, orderTransitions, type OrderRow } from '../schema.ts';

/** No 0/O/1/I: refs are read aloud over the phone. */
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newOrderRef(): string {
  const bytes = randomBytes(8);
  let ref = 'TP';
  for (const byte of bytes) ref += REF_ALPHABET[byte % REF_ALPHABET.length];
  return ref;
}

/** The secret a draft's confirm button carries. */
export function newConfirmToken(): string {
  return randomBytes(12).toString('base64url');
}

/** What a customer asked for, in the chat it was asked in. */
export interface DraftFields {
  userId: string;
  chatId: string;
  number: string;
  network: string;
  amountSatang: number;
  language: string;
}

export interface NewDraft extends DraftFields {
  /** The webhook event that asked for it, so handling the event again finds it. */
  eventId?: string;
  ttlMs: number;
}

/** The chat's live drafts become `expired` (reason `superseded`): their confirm buttons then do nothing. */
export async function supersedeDrafts(tx: DbOrTx, chatId: string): Promise<string[]> {
  const superseded = await tx
    .update(orders)
    .set({ status: 'expired', detail: 'superseded', updatedAt: sql`now()`, finalizedAt: sql`now()` })
    .where(and(eq(orders.chatId, chatId), eq(orders.status, 'draft')))
    .returning({ id: orders.id });
  if (superseded.length > 0) {
    await tx
      .insert(orderTransitions)
      .values(superseded.map((s) => ({ orderId: s.id, fromStatus: 'draft' as const, toStatus: 'expired' as const, reason: 'superseded' })));
  }
  return superseded.map((s) => s.id);
}

/** A new draft with a random confirm token, and its first transition. */
export async function insertDraftOrder(tx: DbOrTx, draft: NewDraft): Promise<OrderRow> {
  const [row] = await tx
    .insert(orders)
    .values({
      ref: newOrderRef(),
      userId: draft.userId,
      chatId: draft.chatId,
      number: draft.number,
      network: draft.network,
      amountSatang: draft.amountSatang,
      language: draft.language,
      draftEventId: draft.eventId,
      confirmToken: newConfirmToken(),
      expiresAt: new Date(Date.now() + draft.ttlMs),
    })
    .returning();
  await tx.insert(orderTransitions).values({ orderId: row!.id, fromStatus: null, toStatus: 'draft', reason: 'slots complete' });
  return row!;
}

/** The draft a webhook event made, if it made one (handling the event again returns it). */
export async function findDraftByEvent(db: DbOrTx, eventId: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.draftEventId, eventId));
  return row;
}

export async function findLiveDraft(db: DbOrTx, chatId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.chatId, chatId), eq(orders.status, 'draft')))
    .orderBy(desc(orders.createdAt))
    .limit(1);
  return row;
}
