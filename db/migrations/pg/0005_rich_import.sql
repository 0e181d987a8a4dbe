CREATE TABLE "article_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"article_id" text NOT NULL,
	"base_revision" integer NOT NULL,
	"url" text NOT NULL,
	"fetched_at" timestamp (3) with time zone NOT NULL,
	"doc_json" jsonb NOT NULL,
	"plain_text" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"accepted_revision" integer,
	"note" text,
	"created_by" text,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_archives" (
	"id" text PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"requested_url" text NOT NULL,
	"final_url" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"content_type" text,
	"title" text DEFAULT '' NOT NULL,
	"html" text,
	"readable_html" text,
	"readable_text" text,
	"pdf" "bytea",
	"taken_at" timestamp (3) with time zone,
	"created_by" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "import_format" text DEFAULT 'text' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "deleted_by" text;--> statement-breakpoint
ALTER TABLE "article_updates" ADD CONSTRAINT "article_updates_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_updates" ADD CONSTRAINT "article_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_updates" ADD CONSTRAINT "article_updates_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_archives" ADD CONSTRAINT "source_archives_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_archives" ADD CONSTRAINT "source_archives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_updates_article_idx" ON "article_updates" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "source_archives_source_idx" ON "source_archives" USING btree ("source_id","created_at");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;