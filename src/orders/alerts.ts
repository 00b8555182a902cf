/**
 * Alerts for the shop owners: stored once per `dedupeKey`, and queued as a message to every
 * owner group. The owners' group module decides how alerts look; this is the seam.
 */
import { alerts, ownerGroups } from '../db/schema.ts';
import type { DbOrTx } from '../db/client.ts';
import { enqueueMessage } from '../db/queries/outbox.ts';
import type { LineMessage } from '../line/client.ts';

export interface Alert {
  dedupeKey: string;
  kind: string;
  payload: Record<string, unknown>;
  /** The message for the owners' groups. */
  messages: LineMessage[];
}

/** Raises the alert once; returns false when it was raised before. */
export async function raiseAlert(db: DbOrTx, alert: Alert, configuredGroups: string[]): Promise<boolean> {
  const inserted = await db
    .insert(alerts)
    .values({ dedupeKey: alert.dedupeKey, kind: alert.kind, payload: alert.payload })
    .onConflictDoNothing({ target: alerts.dedupeKey })
    .returning({ id: alerts.id });
  if (inserted.length === 0) return false;
  const registered = await db.select({ groupId: ownerGroups.groupId }).from(ownerGroups);
  const groups = new Set([...configuredGroups, ...registered.map((g) => g.groupId)]);
  for (const groupId of groups) {
    await enqueueMessage(db, { dedupeKey: `alert:${alert.dedupeKey}:${groupId}`, to: groupId, messages: alert.messages });
  }
  return true;
}
