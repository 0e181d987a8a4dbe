CREATE TABLE "article_publications" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"article_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"override_reason" text,
	"overridden_blockers" jsonb,
	"workspace_slug" text NOT NULL,
	"article_slug" text NOT NULL,
	"snapshot" jsonb,
	"actor_id" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"claim_id" text NOT NULL,
	"contacted_on" text NOT NULL,
	"method" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"response" text,
	"responded_on" text,
	"show_publicly" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "claim_counter" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "first_published_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "exclusion_reason" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "first_published_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "article_publications" ADD CONSTRAINT "article_publications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_publications" ADD CONSTRAINT "article_publications_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_publications" ADD CONSTRAINT "article_publications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_attempts" ADD CONSTRAINT "reply_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_attempts" ADD CONSTRAINT "reply_attempts_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_attempts" ADD CONSTRAINT "reply_attempts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_publications_sequence_idx" ON "article_publications" USING btree ("article_id","sequence");--> statement-breakpoint
CREATE INDEX "article_publications_slug_idx" ON "article_publications" USING btree ("workspace_slug","article_slug");--> statement-breakpoint
CREATE INDEX "reply_attempts_claim_idx" ON "reply_attempts" USING btree ("claim_id");--> statement-breakpoint
-- Stable claim numbers for existing claims: 1, 2, 3 … per article in creation order.
UPDATE claims SET number = (SELECT count(*) FROM claims AS earlier WHERE earlier.article_id = claims.article_id AND (earlier.created_at < claims.created_at OR (earlier.created_at = claims.created_at AND earlier.id <= claims.id)));--> statement-breakpoint
UPDATE articles SET claim_counter = (SELECT coalesce(max(claims.number), 0) FROM claims WHERE claims.article_id = articles.id);--> statement-breakpoint
-- Articles published before publications were recorded: locked as published, dated by their last change.
UPDATE articles SET first_published_at = updated_at WHERE status = 'published';--> statement-breakpoint
UPDATE claims SET first_published_at = (SELECT articles.first_published_at FROM articles WHERE articles.id = claims.article_id) WHERE article_id IN (SELECT id FROM articles WHERE status = 'published');--> statement-breakpoint
CREATE UNIQUE INDEX "claims_article_number_idx" ON "claims" USING btree ("article_id","number");