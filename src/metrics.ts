/**
 * Prometheus metrics. One registry per bot instance (tests start several in one process).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    webhookEvents: new Counter({
      name: 'topup_webhook_events_total',
      help: 'LINE webhook events received, by outcome (stored, duplicate).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    refills: new Counter({
      name: 'topup_refills_total',
      help: 'Refill requests sent to the provider, by outcome.',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    orderFinal: new Counter({
      name: 'topup_orders_final_total',
      help: 'Orders reaching a final state, by state.',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    pushes: new Counter({
      name: 'topup_line_pushes_total',
      help: 'Push messages, by outcome (sent, duplicate, retry, failed).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    eventSeconds: new Histogram({
      name: 'topup_event_processing_seconds',
      help: 'Time to process one webhook event after it was stored.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
