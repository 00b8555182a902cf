/** The owners' side: their groups, registration requests and attempts, monitor state and provider snapshots. */
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, now } from './columns.ts';

/** LINE groups whose members run the shop: approved ones only (pending groups are requests). */
export const ownerGroups = pgTable('owner_groups', {
  groupId: text().primaryKey(),
  source: text({ enum: ['env', 'command'] }).notNull(),
  /** Who typed the right code (LINE user id). */
  registeredBy: text(),
  registeredAt: now(),
  /** The owner who approved it; null for the first owners' group, which the code alone made. */
  approvedBy: text(),
});
export type OwnerGroupRow = typeof ownerGroups.$inferSelect;

/**
 * Every right code typed in a group, and what became of it: `approved` at once for the first
 * owners' group, else `pending` until an owner taps approve or reject (`decidedBy`), or
 * `withdrawn` when the group cancels or removes the bot first. Kept after the decision: the
 * record of who let which group in.
 */
export const ownerGroupRequests = pgTable(
  'owner_group_requests',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    groupId: text().notNull(),
    /** The group's name when it asked, as LINE reported it. */
    groupName: text(),
    requestedBy: text(),
    requestedAt: now(),
    status: text({ enum: ['pending', 'approved', 'rejected', 'withdrawn'] }).notNull(),
    decidedBy: text(),
    decidedAt: at(),
  },
  (t) => [uniqueIndex('owner_group_requests_one_pending').on(t.groupId).where(sql`${t.status} = 'pending'`)],
);
export type OwnerGroupRequestRow = typeof ownerGroupRequests.$inferSelect;

/** Wrong registration codes, for the limits per group, per LINE user and in all. */
export const registerAttempts = pgTable(
  'register_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    groupId: text().notNull(),
    /** Who typed it, when LINE says. */
    userId: text(),
    at: now(),
  },
  (t) => [
    index('register_attempts_group').on(t.groupId, t.at),
    index('register_attempts_user').on(t.userId, t.at),
    index('register_attempts_at').on(t.at),
  ],
);

/** What the provider last told us about the merchant balance and the networks. */
export const providerSnapshots = pgTable(
  'provider_snapshots',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    kind: text({ enum: ['balance', 'network'] }).notNull(),
    data: jsonb().notNull(),
    takenAt: now(),
  },
  (t) => [index('provider_snapshots_latest').on(t.kind, t.takenAt)],
);
export type ProviderSnapshotRow = typeof providerSnapshots.$inferSelect;

/** Small singleton state for monitors (e.g. the last balance alert level). */
export const monitorState = pgTable('monitor_state', {
  name: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: now(),
});
