CREATE TABLE `article_revisions` (
	`article_id` text NOT NULL,
	`revision` integer NOT NULL,
	`changes` text NOT NULL,
	`snapshot` text,
	`doc_json` text,
	`actor_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `revision`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
-- Every existing article's current text becomes its first stored revision (a snapshot): revision history starts here.
INSERT INTO `article_revisions` (`article_id`, `revision`, `changes`, `snapshot`, `doc_json`, `actor_id`, `created_at`) SELECT `id`, `revision`, '[]', `plain_text`, `doc_json`, NULL, `updated_at` FROM `articles`;
