/**
 * The network monitor: one instance per NETWORK_CHECK_INTERVAL_SECONDS (claimed under an
 * advisory lock) asks the provider which networks are open, saves the snapshot the customer
 * conversation reads (it refuses closed networks kindly), and compares with the last flags in
 * `monitor_state`: a network that closed or reopened is one alert for the owners.
 */
import type { Db } from '../db/client.ts';
import {
  claimMonitorRun,
  databaseNow,
  lockMonitor,
  pruneSnapshots,
  readMonitorState,
  writeMonitorState,
} from '../db/queries/owner-monitor.ts';
import { latestSnapshot, saveSnapshot } from '../db/queries/snapshots.ts';
import { translator } from '../i18n.ts';
import { NETWORKS, type Network } from '../networks.ts';
import type { MonitorDeps } from './balance-monitor.ts';
import { networkAlertCard } from './cards/index.ts';

export type NetworkFlags = Record<Network, boolean>;

/**
 * What changed between two looks. A network we have never seen counts as open, so a network
 * that is closed when the bot first looks is reported once.
 */
export function diffNetworks(
  previous: Partial<NetworkFlags> | undefined,
  current: Partial<NetworkFlags>,
): { closed: Network[]; reopened: Network[] } {
  const closed: Network[] = [];
  const reopened: Network[] = [];
  for (const network of NETWORKS) {
    const was = previous?.[network] ?? true;
    const now = current[network] ?? true;
    if (was && !now) closed.push(network);
    if (!was && now) reopened.push(network);
  }
  return { closed, reopened };
}

export interface NetworkState {
  online: Partial<NetworkFlags>;
  /** Counts changes: each change's dedupe key is `network:<seq>`. */
  seq: number;
  observedAt: string;
}

export const NETWORK_STATE = 'network';
const NETWORK_POLL = 'network:poll';

/** Applies one look at the networks; returns what changed (and was alerted). */
export async function observeNetworks(
  deps: MonitorDeps,
  observation: { online: NetworkFlags; at?: Date },
): Promise<{ closed: Network[]; reopened: Network[] }> {
  const { db, config } = deps;
  let raised = false;
  const change = await db.transaction(async (tx) => {
    await lockMonitor(tx, NETWORK_STATE);
    const at = observation.at ?? (await databaseNow(tx));
    const previous = (await readMonitorState<NetworkState>(tx, NETWORK_STATE))?.value;
    if (previous && new Date(previous.observedAt) > at) return { closed: [], reopened: [] };
    const diff = diffNetworks(previous?.online, observation.online);
    const changed = diff.closed.length + diff.reopened.length > 0;
    const seq = (previous?.seq ?? 0) + (changed ? 1 : 0);
    await writeMonitorState(tx, { name: NETWORK_STATE, value: { online: observation.online, seq, observedAt: at.toISOString() } });
    await saveSnapshot(tx, { kind: 'network', data: observation.online });
    await pruneSnapshots(tx, { kind: 'network', olderThanDays: 2 });
    if (changed) {
      raised = await deps.outbox.alertOwners(tx, {
        dedupeKey: `network:${seq}`,
        kind: 'network_change',
        payload: { ...diff, online: observation.online },
        messages: [networkAlertCard(translator('th'), { ...diff, at })],
      });
    }
    return diff;
  });
  if (raised) {
    deps.logger.warn(change, 'network status changed; owners alerted');
    deps.outbox.kick();
  }
  return change;
}

/** One tick of the monitor loop: if this instance wins this interval's claim, look. */
export async function networkTick(deps: MonitorDeps): Promise<void> {
  const claimedAt = await claimMonitorRun(deps.db, { name: NETWORK_POLL, intervalMs: deps.config.owner.networkCheckIntervalMs });
  if (!claimedAt) return;
  let online: NetworkFlags;
  try {
    online = await deps.provider.networkStatus();
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not read the network status; will try at the next interval');
    return;
  }
  await observeNetworks(deps, { online, at: claimedAt });
}

/** The last network flags we know (the conversation's snapshot). */
export async function lastKnownNetworks(db: Db): Promise<{ online: Partial<NetworkFlags>; at: Date } | undefined> {
  const snapshot = await latestSnapshot(db, 'network');
  return snapshot ? { online: snapshot.data as Partial<NetworkFlags>, at: snapshot.takenAt } : undefined;
}
