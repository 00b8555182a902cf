/**
 * How many wrong registration codes may be typed (DESIGN §3 Owners' groups): per group, per
 * LINE user across all chats, and in all, each within an hour. A pure decision over the counts
 * the database gives; the caller holds the registration lock, so the counts are exact.
 */
import type { AttemptCount } from '../db/queries/owner-groups.ts';

export const REGISTER_LIMITS = { perGroup: 5, perUser: 5, total: 20, windowMs: 60 * 60_000 } as const;

export interface AttemptCounts {
  group: AttemptCount;
  /** Undefined when LINE did not say who typed it. */
  user?: AttemptCount;
  total: AttemptCount;
}

function scopes(counts: AttemptCounts): { count: AttemptCount; limit: number }[] {
  return [
    { count: counts.group, limit: REGISTER_LIMITS.perGroup },
    ...(counts.user ? [{ count: counts.user, limit: REGISTER_LIMITS.perUser }] : []),
    { count: counts.total, limit: REGISTER_LIMITS.total },
  ];
}

/**
 * Undefined while every limit leaves room; else how long until all of them do again (the
 * oldest wrong code of each exhausted scope must leave the window).
 */
export function waitBeforeTrying(counts: AttemptCounts): number | undefined {
  const full = scopes(counts).filter((s) => s.count.count >= s.limit);
  if (full.length === 0) return undefined;
  return Math.max(...full.map((s) => s.count.oldestLeavesInMs));
}

/**
 * After one more wrong code: tries left before some limit is reached, and, when none are left,
 * how long to wait (a scope with no earlier wrong code in the window waits the whole window).
 */
export function afterWrongCode(counts: AttemptCounts): { triesLeft: number; waitMs?: number } {
  const after = scopes(counts).map((s) => ({ ...s, left: s.limit - s.count.count - 1 }));
  const triesLeft = Math.max(0, Math.min(...after.map((s) => s.left)));
  if (triesLeft > 0) return { triesLeft };
  const full = after.filter((s) => s.left <= 0);
  const waitMs = Math.max(...full.map((s) => (s.count.count === 0 ? REGISTER_LIMITS.windowMs : s.count.oldestLeavesInMs)));
  return { triesLeft: 0, waitMs };
}
