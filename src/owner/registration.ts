/**
 * Which LINE groups belong to the shop owners: those in OWNER_GROUP_IDS, and those registered
 * by typing `ลงทะเบียน <OWNER_REGISTER_CODE>` in the group. The code is compared in constant
 * time, and a group gets at most 5 wrong tries per hour (DESIGN §3), counted under a per-group
 * advisory lock so simultaneous guesses cannot slip past the limit.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import {
  countRecentRegisterAttempts,
  findOwnerGroup,
  lockGroupRegistration,
  recordRegisterAttempt,
  registerOwnerGroup,
  unregisterOwnerGroup,
} from '../db/queries/owner-groups.ts';

export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MS = 60 * 60_000;

/**
 * Constant-time comparison: both sides are hashed first, so neither the content nor the
 * length of the real code shows in how long a wrong guess takes.
 */
export function codesMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Owner commands and alerts are for these chats only. */
export async function isOwnerChat(db: DbOrTx, config: Config, chatId: string): Promise<boolean> {
  if (config.owner.groupIds.includes(chatId)) return true;
  return (await findOwnerGroup(db, chatId)) !== undefined;
}

export type RegisterOutcome =
  | { kind: 'registered' }
  | { kind: 'already' }
  | { kind: 'wrongCode'; triesLeft: number }
  | { kind: 'rateLimited' }
  | { kind: 'missingCode' }
  /** No OWNER_REGISTER_CODE is set: only OWNER_GROUP_IDS can make an owners' group. */
  | { kind: 'disabled' };

export async function registerGroup(
  db: Db,
  config: Config,
  request: { groupId: string; userId?: string; code: string },
): Promise<RegisterOutcome> {
  if (config.owner.groupIds.includes(request.groupId)) return { kind: 'already' };
  const expected = config.owner.registerCode;
  if (!expected) return { kind: 'disabled' };
  if (request.code === '') return { kind: 'missingCode' };
  return db.transaction(async (tx) => {
    await lockGroupRegistration(tx, request.groupId);
    if (await findOwnerGroup(tx, request.groupId)) return { kind: 'already' } as const;
    const wrong = await countRecentRegisterAttempts(tx, { groupId: request.groupId, withinMs: WRONG_CODE_WINDOW_MS });
    if (wrong >= MAX_WRONG_CODES) return { kind: 'rateLimited' } as const;
    if (!codesMatch(request.code, expected)) {
      await recordRegisterAttempt(tx, request.groupId);
      return { kind: 'wrongCode', triesLeft: MAX_WRONG_CODES - wrong - 1 } as const;
    }
    await registerOwnerGroup(tx, { groupId: request.groupId, registeredBy: request.userId });
    return { kind: 'registered' } as const;
  });
}

export type UnregisterOutcome = 'done' | 'configured' | 'notRegistered';

export async function unregisterGroup(db: Db, config: Config, groupId: string): Promise<UnregisterOutcome> {
  if (config.owner.groupIds.includes(groupId)) return 'configured';
  return (await unregisterOwnerGroup(db, groupId)) ? 'done' : 'notRegistered';
}
