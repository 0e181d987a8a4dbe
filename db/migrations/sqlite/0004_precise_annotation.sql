ALTER TABLE `claims` ADD `parts_json` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `excerpt_prefix` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `excerpt_suffix` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Default verdict colours that stay apart under colour-vision deficiencies (lib/verdicts/default-scale.ts): a level still carrying its old default colour takes the new one; colours an owner chose stay.
UPDATE rating_levels SET color = '#107d54' WHERE "key" = 'true' AND lower(color) = '#1a7f37';
--> statement-breakpoint
UPDATE rating_levels SET color = '#669e61' WHERE "key" = 'mostly-true' AND lower(color) = '#4d9b2f';
--> statement-breakpoint
UPDATE rating_levels SET color = '#d5a216' WHERE "key" = 'half-true' AND lower(color) = '#b58a00';
--> statement-breakpoint
UPDATE rating_levels SET color = '#c26c0b' WHERE "key" = 'misleading' AND lower(color) = '#c96a00';
--> statement-breakpoint
UPDATE rating_levels SET color = '#872700' WHERE "key" = 'mostly-false' AND lower(color) = '#b7410e';
--> statement-breakpoint
UPDATE rating_levels SET color = '#c90339' WHERE "key" = 'false' AND lower(color) = '#c62828';
--> statement-breakpoint
UPDATE rating_levels SET color = '#5a5ab1' WHERE "key" = 'unproven' AND lower(color) = '#6b5fa8';
--> statement-breakpoint
UPDATE rating_levels SET color = '#6f7479' WHERE "key" = 'not-checkable' AND lower(color) = '#6e7781';
