/** What every verb of the order service works with, built once by `createOrderService`. */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Outbox } from '../outbox/index.ts';
import type { ProviderClient } from '../provider/client.ts';
import type { Move } from './move.ts';
import type { OrderAnnouncer } from './news.ts';

export interface OrderDeps {
  db: Db;
  provider: ProviderClient;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  outbox: Outbox;
  announcer: OrderAnnouncer;
}

export interface OrderContext extends OrderDeps {
  move: Move;
}
