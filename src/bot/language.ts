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

export async function customerLanguage(options: { db: Db; line: LineClient; logger: Logger; userId: string }): Promise<Language> {
  const cached = await findCustomer(options.db, options.userId);
  if (cached?.profileFetchedAt && Date.now() - cached.profileFetchedAt.getTime() < PROFILE_TTL_MS) {
    return toLanguage(cached.language);
  }
  try {
    const profile = await options.line.getProfile(options.userId);
    const language = toLanguage(profile.language);
    await saveCustomerProfile(options.db, { userId: options.userId, displayName: profile.displayName, language });
    return language;
  } catch (error) {
    // No profile (blocked, LINE down): Thai, and try again next time.
    options.logger.warn({ err: error, userId: options.userId }, 'could not read the LINE profile; using Thai');
    return toLanguage(cached?.language);
  }
}
