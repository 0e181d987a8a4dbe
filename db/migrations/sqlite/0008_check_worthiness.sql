CREATE TABLE `check_worthiness_models` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`weights` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`examples` integer NOT NULL,
	`positives` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`activated_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `check_worthiness_models_workspace_idx` ON `check_worthiness_models` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `check_worthiness_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`auto_find_on_import` integer DEFAULT false NOT NULL,
	`threshold` real,
	`active_model_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `claim_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`article_id` text NOT NULL,
	`run_id` text,
	`revision` integer NOT NULL,
	`position_start` integer NOT NULL,
	`position_end` integer NOT NULL,
	`quote_exact` text NOT NULL,
	`quote_prefix` text DEFAULT '' NOT NULL,
	`quote_suffix` text DEFAULT '' NOT NULL,
	`anchor_state` text DEFAULT 'anchored' NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`features` text NOT NULL,
	`claimant` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`claim_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `suggestion_runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `claim_suggestions_article_idx` ON `claim_suggestions` (`article_id`,`state`);--> statement-breakpoint
CREATE INDEX `claim_suggestions_workspace_idx` ON `claim_suggestions` (`workspace_id`,`state`);--> statement-breakpoint
CREATE TABLE `suggestion_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`article_id` text NOT NULL,
	`revision` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`sentences_total` integer DEFAULT 0 NOT NULL,
	`sentences_done` integer DEFAULT 0 NOT NULL,
	`language` text,
	`language_support` text,
	`unsupported_cues` text,
	`chunked_sentences` integer DEFAULT 0 NOT NULL,
	`error` text,
	`started_by` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `suggestion_runs_article_idx` ON `suggestion_runs` (`article_id`,`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_runs_one_running_idx` ON `suggestion_runs` (`article_id`) WHERE status = 'running';