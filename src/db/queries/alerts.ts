/** Alerts already raised for the owners (raising one lives in src/orders/alerts.ts). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { alerts, type AlertRow } from '../schema.ts';

export async function findAlert(db: DbOrTx, dedupeKey: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.dedupeKey, dedupeKey));
  return row;
}

export async function listAlerts(db: DbOrTx, options: { kind: string }): Promise<AlertRow[]> {
  return db.select().from(alerts).where(eq(alerts.kind, options.kind)).orderBy(alerts.id);
}
