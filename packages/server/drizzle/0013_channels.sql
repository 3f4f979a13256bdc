CREATE TABLE `channel_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`channel` text NOT NULL,
	`name` text NOT NULL,
	`config` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `channel_contacts` (
	`account_id` text NOT NULL,
	`address` text NOT NULL,
	`contact_id` text NOT NULL,
	`last_inbound_at` integer,
	PRIMARY KEY(`account_id`, `address`),
	FOREIGN KEY (`account_id`) REFERENCES `channel_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `channel_contacts_contact_idx` ON `channel_contacts` (`contact_id`);--> statement-breakpoint
CREATE TABLE `channel_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`external_id` text NOT NULL,
	`event` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `channel_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_inbox_external_uq` ON `channel_inbox` (`account_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `channel_inbox_pending_idx` ON `channel_inbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `channel_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`account_id` text NOT NULL,
	`extra` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `channel_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_outbox_message_id_unique` ON `channel_outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `channel_outbox_pending_idx` ON `channel_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `channel_outbox_conversation_idx` ON `channel_outbox` (`conversation_id`,`state`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `channel_account_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `subject` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `delivery` text;--> statement-breakpoint
CREATE INDEX `messages_external_idx` ON `messages` (`external_id`);