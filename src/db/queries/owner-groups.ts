/**
 * The shop owners' groups: registered by command (`ลงทะเบียน <code>`) and the wrong-code log
 * behind the per-group rate limit. Groups from `OWNER_GROUP_IDS` live in config, not here.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { ownerGroups, registerAttempts, type OwnerGroupRow } from '../schema.ts';

/** Namespace of this bot's advisory locks on registration (the key is the group). */
const REGISTER_LOCK_NAMESPACE = 7_262_541;

export async function findOwnerGroup(db: DbOrTx, groupId: string): Promise<OwnerGroupRow | undefined> {
  const [row] = await db.select().from(ownerGroups).where(eq(ownerGroups.groupId, groupId));
  return row;
}

/** Every group registered by command (OWNER_GROUP_IDS come from config). */
export async function listOwnerGroupIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ groupId: ownerGroups.groupId }).from(ownerGroups);
  return rows.map((r) => r.groupId);
}

/** True when the group was not registered before. */
export async function registerOwnerGroup(db: DbOrTx, options: { groupId: string; registeredBy?: string }): Promise<boolean> {
  const rows = await db
    .insert(ownerGroups)
    .values({ groupId: options.groupId, source: 'command', registeredBy: options.registeredBy })
    .onConflictDoNothing({ target: ownerGroups.groupId })
    .returning({ groupId: ownerGroups.groupId });
  return rows.length > 0;
}

/** True when a registration was removed. */
export async function unregisterOwnerGroup(db: DbOrTx, groupId: string): Promise<boolean> {
  const rows = await db.delete(ownerGroups).where(eq(ownerGroups.groupId, groupId)).returning({ groupId: ownerGroups.groupId });
  return rows.length > 0;
}

/** Wrong codes typed in the group within the last `withinMs`. */
export async function countRecentRegisterAttempts(db: DbOrTx, options: { groupId: string; withinMs: number }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(registerAttempts)
    .where(
      and(
        eq(registerAttempts.groupId, options.groupId),
        gt(registerAttempts.at, sql`now() - make_interval(secs => ${options.withinMs / 1000})`),
      ),
    );
  return Number(row?.count ?? 0);
}

export async function recordRegisterAttempt(db: DbOrTx, groupId: string): Promise<void> {
  await db.insert(registerAttempts).values({ groupId });
}

/**
 * Serialises registration attempts of one group until the transaction ends, so two wrong codes
 * typed at once cannot both slip under the limit. Blocking, but only against the same group.
 */
export async function lockGroupRegistration(tx: DbOrTx, groupId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REGISTER_LOCK_NAMESPACE}, hashtext(${groupId}))`);
}
