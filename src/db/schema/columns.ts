/** Column helpers shared by every table: timestamps are timestamptz, set by the database. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

export const now = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const at = () => timestamp({ withTimezone: true });

/** Raw bytes (slip images). postgres.js hands back a Buffer, PGlite a Uint8Array: both become a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
