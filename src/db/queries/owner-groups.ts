/**
 * The shop owners' groups: the approved ones (`owner_groups`), the requests behind them
 * (`owner_group_requests`: pending until an owner decides) and the wrong-code log behind the
 * registration limits. Groups from `OWNER_GROUP_IDS` live in config, not here.
 */
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { ownerGroupRequests, ownerGroups, registerAttempts, type OwnerGroupRequestRow, type OwnerGroupRow } from '../schema.ts';

/** Namespace of this bot's advisory locks on registration. */
const REGISTER_LOCK_NAMESPACE = 7_262_541;

export async function findOwnerGroup(db: DbOrTx, groupId: string): Promise<OwnerGroupRow | undefined> {
  const [row] = await db.select().from(ownerGroups).where(eq(ownerGroups.groupId, groupId));
  return row;
}

/** Every approved group (OWNER_GROUP_IDS come from config); a pending group is only a request. */
export async function listOwnerGroupIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ groupId: ownerGroups.groupId }).from(ownerGroups);
  return rows.map((r) => r.groupId);
}

export async function countOwnerGroups(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ownerGroups);
  return Number(row?.n ?? 0);
}

/** True when the group was not an owners' group before. */
export async function registerOwnerGroup(
  db: DbOrTx,
  options: { groupId: string; registeredBy?: string | null; approvedBy?: string | null },
): Promise<boolean> {
  const rows = await db
    .insert(ownerGroups)
    .values({ groupId: options.groupId, source: 'command', registeredBy: options.registeredBy, approvedBy: options.approvedBy })
    .onConflictDoNothing({ target: ownerGroups.groupId })
    .returning({ groupId: ownerGroups.groupId });
  return rows.length > 0;
}

/** True when a registration was removed. */
export async function unregisterOwnerGroup(db: DbOrTx, groupId: string): Promise<boolean> {
  const rows = await db.delete(ownerGroups).where(eq(ownerGroups.groupId, groupId)).returning({ groupId: ownerGroups.groupId });
  return rows.length > 0;
}

export async function insertGroupRequest(
  db: DbOrTx,
  request: { groupId: string; groupName?: string; requestedBy?: string; status: 'pending' | 'approved' },
): Promise<OwnerGroupRequestRow> {
  const [row] = await db.insert(ownerGroupRequests).values(request).returning();
  return row!;
}

export async function findGroupRequest(db: DbOrTx, id: number): Promise<OwnerGroupRequestRow | undefined> {
  const [row] = await db.select().from(ownerGroupRequests).where(eq(ownerGroupRequests.id, id));
  return row;
}

export async function findPendingGroupRequest(db: DbOrTx, groupId: string): Promise<OwnerGroupRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(ownerGroupRequests)
    .where(and(eq(ownerGroupRequests.groupId, groupId), eq(ownerGroupRequests.status, 'pending')));
  return row;
}

/** The group's latest request (for its name in announcements). */
export async function findLatestGroupRequest(db: DbOrTx, groupId: string): Promise<OwnerGroupRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(ownerGroupRequests)
    .where(eq(ownerGroupRequests.groupId, groupId))
    .orderBy(desc(ownerGroupRequests.id))
    .limit(1);
  return row;
}

/**
 * Decides a pending request: one conditional update, so of two owners tapping at once one
 * decides and the other gets undefined.
 */
export async function decideGroupRequest(
  db: DbOrTx,
  decision: { id: number; status: 'approved' | 'rejected' | 'withdrawn'; decidedBy?: string | null },
): Promise<OwnerGroupRequestRow | undefined> {
  const [row] = await db
    .update(ownerGroupRequests)
    .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: sql`now()` })
    .where(and(eq(ownerGroupRequests.id, decision.id), eq(ownerGroupRequests.status, 'pending')))
    .returning();
  return row;
}

/** Wrong codes in the window: how many, and in how long the oldest one leaves it. */
export interface AttemptCount {
  count: number;
  /** 0 when there are none. */
  oldestLeavesInMs: number;
}

/** Wrong codes within the last `withinMs`: of this group, of this user (any chat), of everyone. */
export async function countRecentRegisterAttempts(
  db: DbOrTx,
  options: { groupId: string; userId?: string; withinMs: number },
): Promise<{ group: AttemptCount; user: AttemptCount; total: AttemptCount }> {
  const window = sql`make_interval(secs => ${options.withinMs / 1000})`;
  const leaves = (filter: ReturnType<typeof sql>) =>
    sql<number>`coalesce(extract(epoch from (min(${registerAttempts.at}) filter (where ${filter}) + ${window} - now())) * 1000, 0)`;
  const ofGroup = sql`${registerAttempts.groupId} = ${options.groupId}`;
  const ofUser = sql`${registerAttempts.userId} = ${options.userId ?? null}`;
  const [row] = await db
    .select({
      group: sql<number>`count(*) filter (where ${ofGroup})`,
      groupLeaves: leaves(ofGroup),
      user: sql<number>`count(*) filter (where ${ofUser})`,
      userLeaves: leaves(ofUser),
      total: sql<number>`count(*)`,
      totalLeaves: leaves(sql`true`),
    })
    .from(registerAttempts)
    .where(gt(registerAttempts.at, sql`now() - ${window}`));
  const of = (n: unknown, ms: unknown): AttemptCount => ({ count: Number(n ?? 0), oldestLeavesInMs: Math.max(0, Math.ceil(Number(ms ?? 0))) });
  return { group: of(row?.group, row?.groupLeaves), user: of(row?.user, row?.userLeaves), total: of(row?.total, row?.totalLeaves) };
}

export async function recordRegisterAttempt(db: DbOrTx, attempt: { groupId: string; userId?: string }): Promise<void> {
  await db.insert(registerAttempts).values({ groupId: attempt.groupId, userId: attempt.userId });
}

/**
 * Serialises every registration step (codes, approvals, unregistering) until the transaction
 * ends: the limits span groups and users, and "is this the first owners' group?" must have
 * one answer. Registrations are rare, so one lock for all costs nothing.
 */
export async function lockRegistration(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REGISTER_LOCK_NAMESPACE}, 0)`);
}
