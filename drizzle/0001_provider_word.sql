CREATE TABLE "provider_orders" (
	"provider_order_id" text PRIMARY KEY NOT NULL,
	"fields" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'unchecked' NOT NULL,
	"charged_satang" bigint,
	"check_attempts" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone,
	"alerted_at" timestamp with time zone,
	"order_id" uuid,
	"linked_by" text,
	"linked_at" timestamp with time zone
);
--> statement-breakpoint
-- Callbacks kept before this version become provider orders, checked and shown to the owners.
INSERT INTO "provider_orders" ("provider_order_id", "fields", "received_at", "next_check_at")
SELECT DISTINCT ON ("provider_order_id") "provider_order_id", "fields", "received_at", now()
FROM "stray_callbacks" WHERE "provider_order_id" IS NOT NULL
ORDER BY "provider_order_id", "received_at" DESC;--> statement-breakpoint
DROP TABLE "stray_callbacks" CASCADE;--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_providerOrderId_unique";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "draft_event_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "callback_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "gave_up_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "provider_orders_due" ON "provider_orders" USING btree ("next_check_at") WHERE "provider_orders"."order_id" is null;--> statement-breakpoint
CREATE INDEX "orders_provider_order" ON "orders" USING btree ("provider_order_id","submitted_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_draftEventId_unique" UNIQUE("draft_event_id");