CREATE TABLE `review_session_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`item_id` text,
	`kind` text NOT NULL,
	`assignee_id` text NOT NULL,
	`claim_id` text,
	`assignment_id` text,
	`text` text DEFAULT '' NOT NULL,
	`created_by` text,
	`done_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `review_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `review_session_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_session_actions_session_idx` ON `review_session_actions` (`session_id`);--> statement-breakpoint
CREATE INDEX `review_session_actions_assignee_idx` ON `review_session_actions` (`assignee_id`,`done_at`);--> statement-breakpoint
CREATE TABLE `review_session_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	`left_at` integer,
	`following` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `review_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_session_attendance_session_idx` ON `review_session_attendance` (`session_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `review_session_items` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`claim_id` text,
	`claim_number` integer,
	`claim_quote` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`reason` text NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`outcome_note` text DEFAULT '' NOT NULL,
	`decided_verdict_id` text,
	`decided_verdict_key` text,
	`decided_verdict_label` text,
	`decided_by` text,
	`decided_at` integer,
	`timebox_seconds` integer,
	`vote_state` text DEFAULT 'none' NOT NULL,
	`vote_called_at` integer,
	`vote_revealed_at` integer,
	`votes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `review_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_verdict_id`) REFERENCES `rating_levels`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_session_items_session_idx` ON `review_session_items` (`session_id`,`position`);--> statement-breakpoint
CREATE INDEX `review_session_items_claim_idx` ON `review_session_items` (`claim_id`,`vote_state`);--> statement-breakpoint
CREATE TABLE `review_session_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`item_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `review_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `review_session_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_session_notes_item_idx` ON `review_session_notes` (`item_id`);--> statement-breakpoint
CREATE TABLE `review_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`article_id` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`lead_id` text,
	`started_by` text,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`current_item_id` text,
	`item_started_at` integer,
	`minutes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_sessions_article_idx` ON `review_sessions` (`article_id`,`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_sessions_one_running_idx` ON `review_sessions` (`article_id`) WHERE status = 'running';