CREATE TABLE `canned_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`shortcut` text NOT NULL,
	`shortcut_key` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category` text,
	`search_text` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canned_responses_shortcut_uq` ON `canned_responses` (`site_id`,`shortcut_key`);--> statement-breakpoint
CREATE INDEX `canned_responses_category_idx` ON `canned_responses` (`site_id`,`category`);