/**
 * The real order service on a test database, wired as the composition root wires it (real
 * outbox, the bot's and the owners' renderers). Its provider client points at `providerUrl`
 * (a simulator) or at a closed port; its outbox worker is not started: tests read the queue.
 */
import { renderCustomerNews } from '../../src/bot/order-news.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { createLineClient } from '../../src/line/client.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createOrderService, type OrderService } from '../../src/orders/service.ts';
import { createOutbox, type Outbox } from '../../src/outbox/index.ts';
import { renderOwnerNews } from '../../src/owner/index.ts';
import { createProviderClient } from '../../src/provider/client.ts';

/** Nothing listens on port 9 (discard): a provider there is unreachable. */
const NOWHERE = 'http://127.0.0.1:9/topup/api/v2.php';

/**
 * A real outbox on `db` whose own worker never runs: what it queues is delivered by the bot
 * under test (or read from the table by the test).
 */
export function outboxFor(db: Db, config: Config): Outbox {
  const logger = createLogger({ level: 'silent' });
  const line = createLineClient({ channelAccessToken: 'test-token', apiBaseUrl: 'http://127.0.0.1:9', dataApiBaseUrl: 'http://127.0.0.1:9' });
  return createOutbox({ db, line, logger, metrics: createMetrics(), ownerGroupIds: config.owner.groupIds, intervalMs: 60_000 });
}

export function orderServiceFor(db: Db, options: { config?: Config; providerUrl?: string } = {}): OrderService {
  const config = options.config ?? loadConfig({ NODE_ENV: 'test' });
  const logger = createLogger({ level: 'silent' });
  const metrics = createMetrics();
  const outbox = outboxFor(db, config);
  const provider = createProviderClient({
    url: options.providerUrl ?? NOWHERE,
    username: config.provider.username,
    password: config.provider.password,
    networkCodes: config.provider.networkCodes,
    timeoutMs: config.provider.timeoutMs,
    connectTimeoutMs: config.provider.connectTimeoutMs,
  });
  return createOrderService({ db, provider, config, logger, metrics, outbox, announcer: { customer: renderCustomerNews, owners: renderOwnerNews } });
}
