ALTER TABLE `conversations` ADD `handoff` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `bot_state` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `quick_replies` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `form` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `bot` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `bot_token_hash` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `signing_secret` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `no_agent` text;--> statement-breakpoint
-- Existing sites get a random signing secret; new ones get one at creation.
UPDATE `sites` SET `signing_secret` = lower(hex(randomblob(32))) WHERE `signing_secret` = '';