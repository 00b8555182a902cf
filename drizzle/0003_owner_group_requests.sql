CREATE TABLE "owner_group_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"group_name" text,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "owner_groups" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "register_attempts" ADD COLUMN "user_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "owner_group_requests_one_pending" ON "owner_group_requests" USING btree ("group_id") WHERE "owner_group_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "register_attempts_user" ON "register_attempts" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "register_attempts_at" ON "register_attempts" USING btree ("at");