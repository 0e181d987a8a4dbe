CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"article_id" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presence_connections" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"article_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"open_claim_id" text,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"last_seen" timestamp (3) with time zone NOT NULL,
	"instance_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "live_events_workspace_idx" ON "live_events" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "live_events_created_idx" ON "live_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "presence_article_idx" ON "presence_connections" USING btree ("article_id");