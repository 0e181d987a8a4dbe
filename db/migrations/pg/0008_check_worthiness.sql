CREATE TABLE "check_worthiness_models" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"weights" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"positives" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"activated_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "check_worthiness_settings" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"auto_find_on_import" boolean DEFAULT false NOT NULL,
	"threshold" double precision,
	"active_model_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"article_id" text NOT NULL,
	"run_id" text,
	"revision" integer NOT NULL,
	"position_start" integer NOT NULL,
	"position_end" integer NOT NULL,
	"quote_exact" text NOT NULL,
	"quote_prefix" text DEFAULT '' NOT NULL,
	"quote_suffix" text DEFAULT '' NOT NULL,
	"anchor_state" text DEFAULT 'anchored' NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	"features" jsonb NOT NULL,
	"claimant" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"claim_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"article_id" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"sentences_total" integer DEFAULT 0 NOT NULL,
	"sentences_done" integer DEFAULT 0 NOT NULL,
	"language" text,
	"language_support" text,
	"unsupported_cues" jsonb,
	"chunked_sentences" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_by" text,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_worthiness_models" ADD CONSTRAINT "check_worthiness_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_worthiness_models" ADD CONSTRAINT "check_worthiness_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_worthiness_settings" ADD CONSTRAINT "check_worthiness_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_run_id_suggestion_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."suggestion_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_suggestions" ADD CONSTRAINT "claim_suggestions_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_runs" ADD CONSTRAINT "suggestion_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_runs" ADD CONSTRAINT "suggestion_runs_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_runs" ADD CONSTRAINT "suggestion_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_worthiness_models_workspace_idx" ON "check_worthiness_models" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "claim_suggestions_article_idx" ON "claim_suggestions" USING btree ("article_id","state");--> statement-breakpoint
CREATE INDEX "claim_suggestions_workspace_idx" ON "claim_suggestions" USING btree ("workspace_id","state");--> statement-breakpoint
CREATE INDEX "suggestion_runs_article_idx" ON "suggestion_runs" USING btree ("article_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_runs_one_running_idx" ON "suggestion_runs" USING btree ("article_id") WHERE status = 'running';