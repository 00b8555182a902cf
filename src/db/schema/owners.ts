/** The owners' side: their groups, registration attempts, monitor state and provider snapshots. */
import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { now } from './columns.ts';

/** LINE groups whose members run the shop. */
export const ownerGroups = pgTable('owner_groups', {
  groupId: text().primaryKey(),
  source: text({ enum: ['env', 'command'] }).notNull(),
  registeredBy: text(),
  registeredAt: now(),
});
export type OwnerGroupRow = typeof ownerGroups.$inferSelect;

/** Wrong registration codes, for the per-group rate limit. */
export const registerAttempts = pgTable(
  'register_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    groupId: text().notNull(),
    at: now(),
  },
  (t) => [index('register_attempts_group').on(t.groupId, t.at)],
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
