CREATE TABLE `article_publications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`article_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`override_reason` text,
	`overridden_blockers` text,
	`workspace_slug` text NOT NULL,
	`article_slug` text NOT NULL,
	`snapshot` text,
	`actor_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_publications_sequence_idx` ON `article_publications` (`article_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `article_publications_slug_idx` ON `article_publications` (`workspace_slug`,`article_slug`);--> statement-breakpoint
CREATE TABLE `reply_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`claim_id` text NOT NULL,
	`contacted_on` text NOT NULL,
	`method` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`response` text,
	`responded_on` text,
	`show_publicly` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reply_attempts_claim_idx` ON `reply_attempts` (`claim_id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `claim_counter` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `first_published_at` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `number` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `exclusion_reason` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `first_published_at` integer;--> statement-breakpoint
-- Stable claim numbers for existing claims: 1, 2, 3 … per article in creation order.
UPDATE claims SET number = (SELECT count(*) FROM claims AS earlier WHERE earlier.article_id = claims.article_id AND (earlier.created_at < claims.created_at OR (earlier.created_at = claims.created_at AND earlier.id <= claims.id)));--> statement-breakpoint
UPDATE articles SET claim_counter = (SELECT coalesce(max(claims.number), 0) FROM claims WHERE claims.article_id = articles.id);--> statement-breakpoint
-- Articles published before publications were recorded: locked as published, dated by their last change.
UPDATE articles SET first_published_at = updated_at WHERE status = 'published';--> statement-breakpoint
UPDATE claims SET first_published_at = (SELECT articles.first_published_at FROM articles WHERE articles.id = claims.article_id) WHERE article_id IN (SELECT id FROM articles WHERE status = 'published');--> statement-breakpoint
CREATE UNIQUE INDEX `claims_article_number_idx` ON `claims` (`article_id`,`number`);--> statement-breakpoint
ALTER TABLE `sources` ADD `is_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `is_public` integer DEFAULT false NOT NULL;