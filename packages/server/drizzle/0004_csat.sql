ALTER TABLE `conversations` ADD `csat_score` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `csat_comment` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `rated_at` integer;