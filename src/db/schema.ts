/**
 * The whole database, one file per concern under `schema/`, with the row types beside each
 * table. Money is always integer satang (1 baht = 100 satang); times are timestamptz.
 * drizzle-kit reads this file (drizzle.config.ts).
 */
export * from './schema/orders.ts';
export * from './schema/inbox.ts';
export * from './schema/customers.ts';
export * from './schema/outbox.ts';
export * from './schema/owners.ts';
export * from './schema/wallet.ts';
