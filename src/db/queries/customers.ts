/** Customers: the cached LINE profile (for the language) and payment flags. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { customers, type CustomerRow } from '../schema.ts';

export async function findCustomer(db: DbOrTx, userId: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers.userId, userId));
  return row;
}

export async function saveCustomerProfile(
  db: DbOrTx,
  options: { userId: string; displayName?: string; language: string },
): Promise<void> {
  await db
    .insert(customers)
    .values({ userId: options.userId, displayName: options.displayName, language: options.language, profileFetchedAt: sql`now()` })
    .onConflictDoUpdate({
      target: customers.userId,
      set: { displayName: options.displayName, language: options.language, profileFetchedAt: sql`now()` },
    });
}

/** Trusted mode: adds (or renames) a member of staff; the row is created if the customer is new. */
export async function trustCustomer(db: DbOrTx, options: { userId: string; staffName?: string; by?: string }): Promise<void> {
  await db
    .insert(customers)
    .values({ userId: options.userId, trusted: true, staffName: options.staffName, trustedBy: options.by })
    .onConflictDoUpdate({
      target: customers.userId,
      set: { trusted: true, trustedBy: options.by, ...(options.staffName ? { staffName: options.staffName } : {}) },
    });
}

/** True when the customer was trusted by command before. */
export async function untrustCustomer(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .update(customers)
    .set({ trusted: false })
    .where(and(eq(customers.userId, userId), eq(customers.trusted, true)))
    .returning({ userId: customers.userId });
  return rows.length > 0;
}

export async function listTrustedCustomers(db: DbOrTx): Promise<CustomerRow[]> {
  return db.select().from(customers).where(eq(customers.trusted, true)).orderBy(customers.createdAt);
}
