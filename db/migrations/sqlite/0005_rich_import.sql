CREATE TABLE `article_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`base_revision` integer NOT NULL,
	`url` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`doc_json` text NOT NULL,
	`plain_text` text NOT NULL,
	`metadata` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`accepted_revision` integer,
	`note` text,
	`created_by` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_updates_article_idx` ON `article_updates` (`article_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `source_archives` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`requested_url` text NOT NULL,
	`final_url` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`content_type` text,
	`title` text DEFAULT '' NOT NULL,
	`html` text,
	`readable_html` text,
	`readable_text` text,
	`pdf` blob,
	`taken_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `source_archives_source_idx` ON `source_archives` (`source_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `import_format` text DEFAULT 'text' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `deleted_by` text REFERENCES users(id) ON DELETE set null;