/** Provider callbacks that name no order of ours, kept for the owners. */
import type { DbOrTx } from '../client.ts';
import { strayCallbacks } from '../schema.ts';

export async function storeStrayCallback(db: DbOrTx, options: { providerOrderId: string; fields: unknown }): Promise<void> {
  await db.insert(strayCallbacks).values(options);
}
