ALTER TABLE `contacts` ADD `pre_chat` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `pre_chat` text;