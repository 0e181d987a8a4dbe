CREATE TABLE "article_revisions" (
	"article_id" text NOT NULL,
	"revision" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"snapshot" text,
	"doc_json" jsonb,
	"actor_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "article_revisions_article_id_revision_pk" PRIMARY KEY("article_id","revision")
);
--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Every existing article's current text becomes its first stored revision (a snapshot): revision history starts here.
INSERT INTO "article_revisions" ("article_id", "revision", "changes", "snapshot", "doc_json", "actor_id", "created_at") SELECT "id", "revision", '[]'::jsonb, "plain_text", "doc_json", NULL, "updated_at" FROM "articles";
