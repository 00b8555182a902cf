CREATE TYPE "public"."deposit_status" AS ENUM('awaiting_slip', 'awaiting_approval', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('deposit', 'credit', 'debit', 'hold', 'capture', 'release', 'refund');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('draft', 'confirmed', 'submitting', 'pending', 'success', 'failed', 'cancel_requested', 'cancelled', 'expired', 'unknown');--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"chat_id" text PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"user_id" text PRIMARY KEY NOT NULL,
	"display_name" text,
	"language" text DEFAULT 'th' NOT NULL,
	"profile_fetched_at" timestamp with time zone,
	"trusted" boolean DEFAULT false NOT NULL,
	"staff_name" text,
	"trusted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deposit_slips" (
	"deposit_id" uuid PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deposits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"user_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"status" "deposit_status" DEFAULT 'awaiting_slip' NOT NULL,
	"prompt_pay_id" text NOT NULL,
	"qr_token" text NOT NULL,
	"slip_token" text,
	"language" text DEFAULT 'th' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"slip_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	CONSTRAINT "deposits_ref_unique" UNIQUE("ref"),
	CONSTRAINT "deposits_qrToken_unique" UNIQUE("qr_token"),
	CONSTRAINT "deposits_slipToken_unique" UNIQUE("slip_token"),
	CONSTRAINT "deposits_amount_positive" CHECK ("deposits"."amount_satang" > 0)
);
--> statement-breakpoint
CREATE TABLE "monitor_state" (
	"name" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" "order_status",
	"to_status" "order_status" NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"user_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"number" text NOT NULL,
	"network" text NOT NULL,
	"amount_satang" bigint NOT NULL,
	"status" "order_status" DEFAULT 'draft' NOT NULL,
	"confirm_token" text NOT NULL,
	"provider_order_id" text,
	"discount_satang" bigint,
	"charged_satang" bigint,
	"balance_after_satang" bigint,
	"detail" text,
	"language" text DEFAULT 'th' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"finalized_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"check_attempts" integer DEFAULT 0 NOT NULL,
	"resolved_by" text,
	"sender" text,
	CONSTRAINT "orders_ref_unique" UNIQUE("ref"),
	CONSTRAINT "orders_providerOrderId_unique" UNIQUE("provider_order_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"to" text NOT NULL,
	"messages" jsonb NOT NULL,
	"retry_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "owner_groups" (
	"group_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"registered_by" text,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stray_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_order_id" text,
	"fields" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"amount_satang" bigint NOT NULL,
	"balance_after_satang" bigint NOT NULL,
	"held_after_satang" bigint NOT NULL,
	"order_id" uuid,
	"deposit_id" uuid,
	"reason" text,
	"actor" text,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_ledger_key_unique" UNIQUE("key"),
	CONSTRAINT "wallet_ledger_amount_positive" CHECK ("wallet_ledger"."amount_satang" > 0)
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"user_id" text PRIMARY KEY NOT NULL,
	"balance_satang" bigint DEFAULT 0 NOT NULL,
	"held_satang" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallets_balance_not_negative" CHECK ("wallets"."balance_satang" >= 0),
	CONSTRAINT "wallets_held_not_negative" CHECK ("wallets"."held_satang" >= 0)
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"source_type" text,
	"source_id" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "deposit_slips" ADD CONSTRAINT "deposit_slips_deposit_id_deposits_id_fk" FOREIGN KEY ("deposit_id") REFERENCES "public"."deposits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_transitions" ADD CONSTRAINT "order_transitions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_ledger" ADD CONSTRAINT "wallet_ledger_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_ledger" ADD CONSTRAINT "wallet_ledger_deposit_id_deposits_id_fk" FOREIGN KEY ("deposit_id") REFERENCES "public"."deposits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deposits_user_status" ON "deposits" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "order_transitions_order" ON "order_transitions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_due" ON "orders" USING btree ("status","next_check_at");--> statement-breakpoint
CREATE INDEX "orders_user_created" ON "orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_chat_status" ON "orders" USING btree ("chat_id","status");--> statement-breakpoint
CREATE INDEX "orders_balance_reported" ON "orders" USING btree ("finalized_at") WHERE "orders"."balance_after_satang" is not null;--> statement-breakpoint
CREATE INDEX "orders_confirmed_at" ON "orders" USING btree ("confirmed_at");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "provider_snapshots_latest" ON "provider_snapshots" USING btree ("kind","taken_at");--> statement-breakpoint
CREATE INDEX "register_attempts_group" ON "register_attempts" USING btree ("group_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_ledger_order_kind" ON "wallet_ledger" USING btree ("order_id","kind") WHERE "wallet_ledger"."order_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_ledger_deposit_kind" ON "wallet_ledger" USING btree ("deposit_id","kind") WHERE "wallet_ledger"."deposit_id" is not null;--> statement-breakpoint
CREATE INDEX "wallet_ledger_user" ON "wallet_ledger" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "webhook_events_unprocessed" ON "webhook_events" USING btree ("lease_until") WHERE "webhook_events"."processed_at" is null;