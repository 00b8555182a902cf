/**
 * Which LINE groups belong to the shop owners (DESIGN §3 Owners' groups): those in
 * OWNER_GROUP_IDS, and those registered by typing `ลงทะเบียน <OWNER_REGISTER_CODE>` in the
 * group. The right code makes the first owners' group at once; once one exists it only makes a
 * request that an owners' group must approve (group-approval.ts). Wrong codes are limited per
 * group, per user and in all (register-limits.ts). Every step runs under one registration lock.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { findCustomer } from '../db/queries/customers.ts';
import {
  countOwnerGroups,
  countRecentRegisterAttempts,
  decideGroupRequest,
  findLatestGroupRequest,
  findOwnerGroup,
  findPendingGroupRequest,
  insertGroupRequest,
  lockRegistration,
  recordRegisterAttempt,
  registerOwnerGroup,
  unregisterOwnerGroup,
} from '../db/queries/owner-groups.ts';
import type { LineClient } from '../line/client.ts';
import type { Logger } from '../log.ts';
import type { Outbox } from '../outbox/index.ts';
import { groupLabel } from './cards/index.ts';
import { groupNewsAlert, groupRequestAlert } from './group-news.ts';
import { afterWrongCode, REGISTER_LIMITS, waitBeforeTrying } from './register-limits.ts';

export interface RegistrationDeps {
  db: Db;
  config: Config;
  outbox: Outbox;
  logger: Logger;
  /** Names the group on the owners' card; without it the card shows the group id. */
  line?: Pick<LineClient, 'getGroupSummary'>;
}

/**
 * Constant-time comparison: both sides are hashed first, so neither the content nor the
 * length of the real code shows in how long a wrong guess takes.
 */
export function codesMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Owner commands, cards and alerts are for these chats only (never a room, never a pending group). */
export async function isOwnerChat(db: DbOrTx, config: Config, chatId: string): Promise<boolean> {
  if (config.owner.groupIds.includes(chatId)) return true;
  return (await findOwnerGroup(db, chatId)) !== undefined;
}

export async function isPendingGroup(db: DbOrTx, groupId: string): Promise<boolean> {
  return (await findPendingGroupRequest(db, groupId)) !== undefined;
}

export type RegisterOutcome =
  /** The first owners' group: the code alone made it. */
  | { kind: 'registered' }
  /** Owners' groups exist: a request now waits for one of them to approve. */
  | { kind: 'pending' }
  | { kind: 'stillPending' }
  | { kind: 'already' }
  | { kind: 'wrongCode'; triesLeft: number; waitMs?: number }
  | { kind: 'rateLimited'; waitMs: number }
  | { kind: 'missingCode' }
  /** No OWNER_REGISTER_CODE is set: only OWNER_GROUP_IDS can make an owners' group. */
  | { kind: 'disabled' };

export async function registerGroup(
  deps: RegistrationDeps,
  request: { groupId: string; userId?: string; code: string },
): Promise<RegisterOutcome> {
  const { db, config } = deps;
  const { groupId, userId } = request;
  if (config.owner.groupIds.includes(groupId)) return { kind: 'already' };
  const expected = config.owner.registerCode;
  if (!expected) return { kind: 'disabled' };
  const right = request.code !== '' && codesMatch(request.code, expected);
  // Asked of LINE before the lock is taken: only a right code needs the name, for the card.
  const groupName = right ? await groupNameOf(deps, groupId) : undefined;

  const outcome = await db.transaction(async (tx): Promise<RegisterOutcome> => {
    await lockRegistration(tx);
    if (await findOwnerGroup(tx, groupId)) return { kind: 'already' };
    const counts = await countRecentRegisterAttempts(tx, { groupId, userId, withinMs: REGISTER_LIMITS.windowMs });
    const attempts = { group: counts.group, user: userId ? counts.user : undefined, total: counts.total };
    // Past a limit even the right code is refused: a guess that hits must not be told apart.
    const waitMs = waitBeforeTrying(attempts);
    if (waitMs !== undefined) return { kind: 'rateLimited', waitMs };
    if (request.code === '') return { kind: 'missingCode' };
    if (!right) {
      await recordRegisterAttempt(tx, { groupId, userId });
      return { kind: 'wrongCode', ...afterWrongCode(attempts) };
    }
    const pending = await findPendingGroupRequest(tx, groupId);
    // No owners' group left to approve (all unregistered): the code alone decides again.
    const first = config.owner.groupIds.length === 0 && (await countOwnerGroups(tx)) === 0;
    if (first) {
      if (pending) await decideGroupRequest(tx, { id: pending.id, status: 'approved' });
      else await insertGroupRequest(tx, { groupId, groupName, requestedBy: userId, status: 'approved' });
      await registerOwnerGroup(tx, { groupId, registeredBy: userId });
      return { kind: 'registered' };
    }
    if (pending) return { kind: 'stillPending' };
    const row = await insertGroupRequest(tx, { groupId, groupName, requestedBy: userId, status: 'pending' });
    await deps.outbox.alertOwners(tx, groupRequestAlert(row));
    return { kind: 'pending' };
  });
  if (outcome.kind === 'pending') deps.outbox.kick();
  return outcome;
}

export type UnregisterOutcome = 'done' | 'withdrawn' | 'configured' | 'notRegistered';

/**
 * `ยกเลิกการลงทะเบียน`, or the bot removed from the group (`removed`): an owners' group stops
 * being one, a pending request is withdrawn; the other owners' groups are told either way.
 */
export async function unregisterGroup(
  deps: RegistrationDeps,
  request: { groupId: string; by?: string; eventId: string; removed: boolean },
): Promise<UnregisterOutcome> {
  const { groupId } = request;
  if (deps.config.owner.groupIds.includes(groupId)) return 'configured';
  const outcome = await deps.db.transaction(async (tx): Promise<UnregisterOutcome> => {
    await lockRegistration(tx);
    const pending = await findPendingGroupRequest(tx, groupId);
    const withdrawn = pending && (await decideGroupRequest(tx, { id: pending.id, status: 'withdrawn', decidedBy: request.by }));
    const unregistered = await unregisterOwnerGroup(tx, groupId);
    if (!withdrawn && !unregistered) return 'notRegistered';
    const group = groupLabel(withdrawn || (await findLatestGroupRequest(tx, groupId)), groupId);
    const by = request.removed ? undefined : await ownerName(tx, request.by);
    const kind = withdrawn ? 'withdrawn' : request.removed ? 'removed' : 'unregistered';
    await deps.outbox.alertOwners(tx, groupNewsAlert({ kind, key: request.eventId, groupId, group, by, except: [groupId] }));
    return withdrawn ? 'withdrawn' : 'done';
  });
  if (outcome === 'done' || outcome === 'withdrawn') deps.outbox.kick();
  return outcome;
}

/** How owners know each other: the LINE name the bot has seen, else the LINE user id. */
export async function ownerName(db: DbOrTx, userId: string | undefined): Promise<string | undefined> {
  if (!userId) return undefined;
  return (await findCustomer(db, userId))?.displayName ?? userId;
}

async function groupNameOf(deps: RegistrationDeps, groupId: string): Promise<string | undefined> {
  if (!deps.line) return undefined;
  try {
    return (await deps.line.getGroupSummary(groupId)).groupName;
  } catch (error) {
    deps.logger.warn({ err: error, groupId }, 'group name unavailable; the owners see the group id');
    return undefined;
  }
}
