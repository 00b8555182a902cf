/**
 * The customer's language, from their LINE profile, cached in `customers` for a day so a
 * chat does not cost a profile call per message.
 */
import { findCustomer, saveCustomerProfile } from '../db/queries/customers.ts';
import type { Db } from '../db/client.ts';
import { toLanguage, type Language } from '../i18n.ts';
import type { LineClient } from '../line/client.ts';
import type { Logger } from '../log.ts';

const PROFILE_TTL_MS = 24 * 60 * 60 * 1000;

/** In-process copy of fresh `customers` rows: a chat's next message costs no query. */
const MEMO_MS = 10 * 60_000;
const MEMO_MAX = 10_000;
const memos = new WeakMap<Db, Map<string, { language: Language; until: number }>>();

export async function customerLanguage(options: { db: Db; line: LineClient; logger: Logger; userId: string }): Promise<Language> {
  let memo = memos.get(options.db);
  if (!memo) memos.set(options.db, (memo = new Map()));
  const hit = memo.get(options.userId);
  if (hit && hit.until > Date.now()) return hit.language;
  const { language, known } = await lookup(options);
  if (known) {
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
    memo.set(options.userId, { language, until: Date.now() + MEMO_MS });
  }
  return language;
}

/** `known`: from a fresh profile, so worth remembering; a fallback is not. */
async function lookup(options: { db: Db; line: LineClient; logger: Logger; userId: string }): Promise<{ language: Language; known: boolean }> {
  const cached = await findCustomer(options.db, options.userId);
  if (cached?.profileFetchedAt && Date.now() - cached.profileFetchedAt.getTime() < PROFILE_TTL_MS) {
    return { language: toLanguage(cached.language), known: true };
  }
  try {
    const profile = await options.line.getProfile(options.userId);
    const language = toLanguage(profile.language);
    await saveCustomerProfile(options.db, { userId: options.userId, displayName: profile.displayName, language });
    return { language, known: true };
  } catch (error) {
    // No profile (blocked, LINE down): Thai, and try again next time.
    options.logger.warn({ err: error, userId: options.userId }, 'could not read the LINE profile; using Thai');
    return { language: toLanguage(cached?.language), known: false };
  }
}
