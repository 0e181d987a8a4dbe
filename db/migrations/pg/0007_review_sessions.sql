CREATE TABLE "review_session_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"item_id" text,
	"kind" text NOT NULL,
	"assignee_id" text NOT NULL,
	"claim_id" text,
	"assignment_id" text,
	"text" text DEFAULT '' NOT NULL,
	"created_by" text,
	"done_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_session_attendance" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"joined_at" timestamp (3) with time zone NOT NULL,
	"left_at" timestamp (3) with time zone,
	"following" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_session_items" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"claim_id" text,
	"claim_number" integer,
	"claim_quote" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"reason" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_note" text DEFAULT '' NOT NULL,
	"decided_verdict_id" text,
	"decided_verdict_key" text,
	"decided_verdict_label" text,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"timebox_seconds" integer,
	"vote_state" text DEFAULT 'none' NOT NULL,
	"vote_called_at" timestamp (3) with time zone,
	"vote_revealed_at" timestamp (3) with time zone,
	"votes" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_session_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"item_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"article_id" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"lead_id" text,
	"started_by" text,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"current_item_id" text,
	"item_started_at" timestamp (3) with time zone,
	"minutes" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_session_actions" ADD CONSTRAINT "review_session_actions_session_id_review_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."review_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_actions" ADD CONSTRAINT "review_session_actions_item_id_review_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_session_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_actions" ADD CONSTRAINT "review_session_actions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_actions" ADD CONSTRAINT "review_session_actions_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_actions" ADD CONSTRAINT "review_session_actions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_actions" ADD CONSTRAINT "review_session_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_attendance" ADD CONSTRAINT "review_session_attendance_session_id_review_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."review_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_attendance" ADD CONSTRAINT "review_session_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_items" ADD CONSTRAINT "review_session_items_session_id_review_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."review_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_items" ADD CONSTRAINT "review_session_items_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_items" ADD CONSTRAINT "review_session_items_decided_verdict_id_rating_levels_id_fk" FOREIGN KEY ("decided_verdict_id") REFERENCES "public"."rating_levels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_items" ADD CONSTRAINT "review_session_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_notes" ADD CONSTRAINT "review_session_notes_session_id_review_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."review_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_notes" ADD CONSTRAINT "review_session_notes_item_id_review_session_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_session_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_session_notes" ADD CONSTRAINT "review_session_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sessions" ADD CONSTRAINT "review_sessions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sessions" ADD CONSTRAINT "review_sessions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sessions" ADD CONSTRAINT "review_sessions_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_sessions" ADD CONSTRAINT "review_sessions_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_session_actions_session_idx" ON "review_session_actions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "review_session_actions_assignee_idx" ON "review_session_actions" USING btree ("assignee_id","done_at");--> statement-breakpoint
CREATE INDEX "review_session_attendance_session_idx" ON "review_session_attendance" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "review_session_items_session_idx" ON "review_session_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "review_session_items_claim_idx" ON "review_session_items" USING btree ("claim_id","vote_state");--> statement-breakpoint
CREATE INDEX "review_session_notes_item_idx" ON "review_session_notes" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "review_sessions_article_idx" ON "review_sessions" USING btree ("article_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_sessions_one_running_idx" ON "review_sessions" USING btree ("article_id") WHERE status = 'running';