DROP INDEX "webhook_events_unprocessed";--> statement-breakpoint
DROP INDEX "orders_provider_order";--> statement-breakpoint
DROP INDEX "orders_confirmed_at";--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "lease_until" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "lease_owner" text;--> statement-breakpoint
CREATE INDEX "webhook_events_waiting" ON "webhook_events" USING btree ("seq") WHERE "webhook_events"."processed_at" is null and "webhook_events"."gave_up_at" is null and "webhook_events"."lease_until" is null;--> statement-breakpoint
CREATE INDEX "webhook_events_leased" ON "webhook_events" USING btree ("lease_until") WHERE "webhook_events"."processed_at" is null and "webhook_events"."gave_up_at" is null and "webhook_events"."lease_until" is not null;--> statement-breakpoint
CREATE INDEX "webhook_events_pending_chat" ON "webhook_events" USING btree ("source_id","seq") WHERE "webhook_events"."processed_at" is null and "webhook_events"."gave_up_at" is null;--> statement-breakpoint
CREATE INDEX "orders_provider_order" ON "orders" USING btree ("provider_order_id","submitted_at") WHERE "orders"."provider_order_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_confirmed_at" ON "orders" USING btree ("confirmed_at") WHERE "orders"."confirmed_at" is not null;