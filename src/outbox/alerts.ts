/**
 * Alerts for the shop owners: recorded once per `dedupeKey` (so N instances, a retry or a
 * second sweep alert once) and queued as a push to every owners' group.
 */
import type { DbOrTx } from '../db/client.ts';
import { insertAlert } from '../db/queries/alerts.ts';
import { listOwnerGroupIds } from '../db/queries/owner-groups.ts';
import { queuePush, type PushMessage } from './queue.ts';

export interface OwnerAlert {
  dedupeKey: string;
  /** What kind of alert (`order_unknown`, `balance_low`, …), kept with the alert row. */
  kind: string;
  payload: Record<string, unknown>;
  /** The owners' message, built by the owners' module. */
  messages: PushMessage[];
  /** Owners' groups told otherwise (the group whose tap caused it got a reply). */
  except?: readonly string[];
}

/** Raises the alert once; false when it was raised before. */
export async function queueOwnerAlert(tx: DbOrTx, alert: OwnerAlert, configuredGroupIds: readonly string[]): Promise<boolean> {
  if (!(await insertAlert(tx, { dedupeKey: alert.dedupeKey, kind: alert.kind, payload: alert.payload }))) return false;
  const groups = new Set([...configuredGroupIds, ...(await listOwnerGroupIds(tx))]);
  for (const groupId of groups) {
    if (alert.except?.includes(groupId)) continue;
    await queuePush(tx, { key: `alert:${alert.dedupeKey}:${groupId}`, to: groupId, messages: alert.messages });
  }
  return true;
}
