/** What the owners' module is built with (the composition root passes it once). */
import type { Clock } from '../clock.ts';
import type { LineClient } from '../line/client.ts';
import type { Metrics } from '../metrics.ts';
import type { OrderService } from '../orders/service.ts';
import type { MonitorDeps } from './balance-monitor.ts';

export interface OwnerDeps extends MonitorDeps {
  metrics?: Metrics;
  /** Base of the slip image URLs on deposit cards (default PUBLIC_URL). */
  publicUrl?: string;
  /** Names a group that asks to join the owners (LINE's group summary). */
  line?: Pick<LineClient, 'getGroupSummary'>;
  /** The money path: settling an `unknown` order and re-checking it go through it. */
  orders: OrderService;
  /** Which day the summaries cover. */
  clock: Clock;
}
