/** Alerts for the owners: each happens once per `dedupeKey` (queued by src/outbox/alerts.ts). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { alerts, type AlertRow } from '../schema.ts';

/** Records the alert; false when one with this key was recorded before. */
export async function insertAlert(db: DbOrTx, alert: { dedupeKey: string; kind: string; payload: Record<string, unknown> }): Promise<boolean> {
  const inserted = await db.insert(alerts).values(alert).onConflictDoNothing({ target: alerts.dedupeKey }).returning({ id: alerts.id });
  return inserted.length > 0;
}

export async function findAlert(db: DbOrTx, dedupeKey: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.dedupeKey, dedupeKey));
  return row;
}

export async function listAlerts(db: DbOrTx, options: { kind: string }): Promise<AlertRow[]> {
  return db.select().from(alerts).where(eq(alerts.kind, options.kind)).orderBy(alerts.id);
}
