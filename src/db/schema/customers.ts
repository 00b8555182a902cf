/** The people the bot talks to: profile cache, payment flags, and each 1:1 chat's conversation. */
import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { now, at } from './columns.ts';

/** Customers we have talked to: profile cache (language) and payment flags. */
export const customers = pgTable('customers', {
  userId: text().primaryKey(),
  displayName: text(),
  language: text().notNull().default('th'),
  profileFetchedAt: at(),
  /** Trusted mode: added by an owner's command (TRUSTED_USER_IDS are trusted without a row). */
  trusted: boolean().notNull().default(false),
  /** The name an owner gave this member of staff; sent as the refill's `users` (sender) field. */
  staffName: text(),
  trustedBy: text(),
  createdAt: now(),
});
export type CustomerRow = typeof customers.$inferSelect;

/** One conversation per 1:1 chat; `version` guards against two instances writing at once. */
export const conversations = pgTable('conversations', {
  chatId: text().primaryKey(),
  state: jsonb().notNull(),
  version: integer().notNull().default(0),
  updatedAt: now(),
  expiresAt: at().notNull(),
});
export type ConversationRow = typeof conversations.$inferSelect;
