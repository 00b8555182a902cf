/** Customers: the cached LINE profile (for the language) and payment flags. */
import { eq, sql } from 'drizzle-orm';
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
