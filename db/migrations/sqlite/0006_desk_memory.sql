CREATE TABLE `claim_library_items` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`url` text NOT NULL,
	`claim_reviewed` text NOT NULL,
	`claimant` text DEFAULT '' NOT NULL,
	`claim_date` text,
	`claim_appearance` text,
	`review_org` text DEFAULT '' NOT NULL,
	`review_org_url` text,
	`rating_name` text DEFAULT '' NOT NULL,
	`rating_value` real,
	`best_rating` real,
	`worst_rating` real,
	`review_date` text,
	`language` text,
	`imported_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_library_items_workspace_url_idx` ON `claim_library_items` (`workspace_id`,`url`);--> statement-breakpoint
CREATE TABLE `claim_links` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`claim_id` text NOT NULL,
	`kind` text DEFAULT 'based_on' NOT NULL,
	`based_on_claim_id` text,
	`based_on_library_item_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`based_on_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`based_on_library_item_id`) REFERENCES `claim_library_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `claim_links_claim_idx` ON `claim_links` (`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_links_based_on_claim_idx` ON `claim_links` (`based_on_claim_id`);--> statement-breakpoint
CREATE INDEX `claim_links_based_on_library_idx` ON `claim_links` (`based_on_library_item_id`);--> statement-breakpoint
CREATE TABLE `search_docs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`article_id` text,
	`claim_id` text,
	`library_item_id` text,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`author_id` text,
	`block_index` integer,
	`block_start` integer,
	`body` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`library_item_id`) REFERENCES `claim_library_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `search_docs_ref_idx` ON `search_docs` (`kind`,`ref_id`);--> statement-breakpoint
CREATE INDEX `search_docs_article_idx` ON `search_docs` (`article_id`,`kind`);--> statement-breakpoint
CREATE INDEX `search_docs_claim_idx` ON `search_docs` (`claim_id`);--> statement-breakpoint
CREATE INDEX `search_docs_library_idx` ON `search_docs` (`library_item_id`);--> statement-breakpoint
CREATE INDEX `search_docs_workspace_idx` ON `search_docs` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `articles_search_state_idx` ON `articles` (`id`,`deleted_at`,`blind_review`,`status`,`published_on`,`created_at`);
--> statement-breakpoint
-- Full-text indexes over search_docs (external content: the text is stored once, in search_docs).
-- Words: unicode61 with diacritics removed; substrings and scripts without spaces between
-- morphemes (Persian, Arabic): trigram.
CREATE VIRTUAL TABLE `search_fts` USING fts5(body, content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_trigram` USING fts5(body, content='search_docs', content_rowid='id', tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
  INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
  INSERT INTO search_trigram(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
  INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO search_trigram(search_trigram, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE OF body ON `search_docs` WHEN old.body IS NOT new.body BEGIN
  INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO search_trigram(search_trigram, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
  INSERT INTO search_trigram(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
-- Article titles (with outlet and byline). Text blocks are indexed by the query layer.
CREATE TRIGGER `articles_search_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO search_docs (workspace_id, article_id, kind, ref_id, body)
  VALUES (new.workspace_id, new.id, 'title', new.id, trim(new.title || char(10) || new.outlet || char(10) || new.byline));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_au` AFTER UPDATE OF title, outlet, byline ON `articles` BEGIN
  UPDATE search_docs SET body = trim(new.title || char(10) || new.outlet || char(10) || new.byline)
  WHERE kind = 'title' AND ref_id = new.id;
END;
--> statement-breakpoint
-- Claims: quote, statement and claimant in one row; the final rationale in another (blind review hides it).
CREATE TRIGGER `claims_search_ai` AFTER INSERT ON `claims` BEGIN
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
  VALUES (new.workspace_id, new.article_id, new.id, 'claim', new.id,
    new.quote_exact || CASE WHEN new.claim_text <> new.quote_exact THEN char(10) || new.claim_text ELSE '' END || CASE WHEN new.claimant <> '' THEN char(10) || new.claimant ELSE '' END);
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
  SELECT new.workspace_id, new.article_id, new.id, 'rationale', new.id, new.rationale WHERE new.rationale <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `claims_search_au` AFTER UPDATE OF quote_exact, claim_text, claimant, rationale ON `claims` BEGIN
  UPDATE search_docs
  SET body = new.quote_exact || CASE WHEN new.claim_text <> new.quote_exact THEN char(10) || new.claim_text ELSE '' END || CASE WHEN new.claimant <> '' THEN char(10) || new.claimant ELSE '' END
  WHERE kind = 'claim' AND ref_id = new.id;
  DELETE FROM search_docs WHERE kind = 'rationale' AND ref_id = new.id AND new.rationale = '';
  UPDATE search_docs SET body = new.rationale WHERE kind = 'rationale' AND ref_id = new.id AND new.rationale <> '';
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
  SELECT new.workspace_id, new.article_id, new.id, 'rationale', new.id, new.rationale
  WHERE new.rationale <> '' AND NOT EXISTS (SELECT 1 FROM search_docs WHERE kind = 'rationale' AND ref_id = new.id);
END;
--> statement-breakpoint
-- Rows of a deleted claim, article or library item go by the foreign keys' cascade.
CREATE TRIGGER `sources_search_ai` AFTER INSERT ON `sources` BEGIN
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
  SELECT c.workspace_id, c.article_id, c.id, 'source', new.id, trim(new.title || char(10) || new.publisher || char(10) || new.excerpt || char(10) || new.url)
  FROM claims c WHERE c.id = new.claim_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_au` AFTER UPDATE OF title, publisher, excerpt, url ON `sources` BEGIN
  UPDATE search_docs SET body = trim(new.title || char(10) || new.publisher || char(10) || new.excerpt || char(10) || new.url)
  WHERE kind = 'source' AND ref_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_search_ad` AFTER DELETE ON `sources` BEGIN
  DELETE FROM search_docs WHERE kind = 'source' AND ref_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ai` AFTER INSERT ON `comments` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, author_id, body)
  SELECT c.workspace_id, c.article_id, c.id, 'comment', new.id, new.author_id, new.body FROM claims c WHERE c.id = new.claim_id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_au` AFTER UPDATE OF body, deleted_at ON `comments` BEGIN
  DELETE FROM search_docs WHERE kind = 'comment' AND ref_id = new.id AND new.deleted_at IS NOT NULL;
  UPDATE search_docs SET body = new.body WHERE kind = 'comment' AND ref_id = new.id AND new.deleted_at IS NULL;
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, author_id, body)
  SELECT c.workspace_id, c.article_id, c.id, 'comment', new.id, new.author_id, new.body FROM claims c
  WHERE c.id = new.claim_id AND new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE kind = 'comment' AND ref_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_ad` AFTER DELETE ON `comments` BEGIN
  DELETE FROM search_docs WHERE kind = 'comment' AND ref_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_verdicts_search_ai` AFTER INSERT ON `claim_verdicts` WHEN new.reason <> '' BEGIN
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, author_id, body)
  SELECT c.workspace_id, c.article_id, c.id, 'verdict_reason', new.id, new.user_id, new.reason FROM claims c WHERE c.id = new.claim_id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_verdicts_search_au` AFTER UPDATE OF reason ON `claim_verdicts` BEGIN
  DELETE FROM search_docs WHERE kind = 'verdict_reason' AND ref_id = new.id AND new.reason = '';
  UPDATE search_docs SET body = new.reason WHERE kind = 'verdict_reason' AND ref_id = new.id AND new.reason <> '';
  INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, author_id, body)
  SELECT c.workspace_id, c.article_id, c.id, 'verdict_reason', new.id, new.user_id, new.reason FROM claims c
  WHERE c.id = new.claim_id AND new.reason <> '' AND NOT EXISTS (SELECT 1 FROM search_docs WHERE kind = 'verdict_reason' AND ref_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_verdicts_search_ad` AFTER DELETE ON `claim_verdicts` BEGIN
  DELETE FROM search_docs WHERE kind = 'verdict_reason' AND ref_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_library_items_search_ai` AFTER INSERT ON `claim_library_items` BEGIN
  INSERT INTO search_docs (workspace_id, library_item_id, kind, ref_id, body)
  VALUES (new.workspace_id, new.id, 'library', new.id, trim(new.claim_reviewed || char(10) || new.claimant || char(10) || new.review_org || char(10) || new.rating_name));
END;
--> statement-breakpoint
CREATE TRIGGER `claim_library_items_search_au` AFTER UPDATE OF claim_reviewed, claimant, review_org, rating_name ON `claim_library_items` BEGIN
  UPDATE search_docs SET body = trim(new.claim_reviewed || char(10) || new.claimant || char(10) || new.review_org || char(10) || new.rating_name)
  WHERE kind = 'library' AND ref_id = new.id;
END;
--> statement-breakpoint
-- What exists already (article text blocks are indexed at start-up by the query layer).
INSERT INTO search_docs (workspace_id, article_id, kind, ref_id, body)
SELECT workspace_id, id, 'title', id, trim(title || char(10) || outlet || char(10) || byline) FROM articles;
--> statement-breakpoint
INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
SELECT workspace_id, article_id, id, 'claim', id,
  quote_exact || CASE WHEN claim_text <> quote_exact THEN char(10) || claim_text ELSE '' END || CASE WHEN claimant <> '' THEN char(10) || claimant ELSE '' END
FROM claims;
--> statement-breakpoint
INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
SELECT workspace_id, article_id, id, 'rationale', id, rationale FROM claims WHERE rationale <> '';
--> statement-breakpoint
INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, body)
SELECT c.workspace_id, c.article_id, c.id, 'source', s.id, trim(s.title || char(10) || s.publisher || char(10) || s.excerpt || char(10) || s.url)
FROM sources s JOIN claims c ON c.id = s.claim_id;
--> statement-breakpoint
INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, author_id, body)
SELECT c.workspace_id, c.article_id, c.id, 'comment', m.id, m.author_id, m.body
FROM comments m JOIN claims c ON c.id = m.claim_id WHERE m.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_docs (workspace_id, article_id, claim_id, kind, ref_id, author_id, body)
SELECT c.workspace_id, c.article_id, c.id, 'verdict_reason', v.id, v.user_id, v.reason
FROM claim_verdicts v JOIN claims c ON c.id = v.claim_id WHERE v.reason <> '';
