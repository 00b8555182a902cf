/** What the provider last said about the merchant balance and the networks. */
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { providerSnapshots, type ProviderSnapshotRow } from '../schema.ts';

export async function saveSnapshot(db: DbOrTx, options: { kind: 'balance' | 'network'; data: unknown }): Promise<void> {
  await db.insert(providerSnapshots).values({ kind: options.kind, data: options.data });
}

export async function latestSnapshot(db: DbOrTx, kind: 'balance' | 'network'): Promise<ProviderSnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(providerSnapshots)
    .where(eq(providerSnapshots.kind, kind))
    .orderBy(desc(providerSnapshots.takenAt), desc(providerSnapshots.id))
    .limit(1);
  return row;
}
