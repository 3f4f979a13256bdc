CREATE TABLE `labels` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`color` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `labels_site_name_uq` ON `labels` (`site_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentions_message_agent_uq` ON `mentions` (`message_id`,`agent_id`);--> statement-breakpoint
CREATE INDEX `mentions_agent_idx` ON `mentions` (`agent_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `label_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Every site starts with the default labels (new sites get them from the store; see DEFAULT_LABELS).
INSERT INTO `labels` (`id`, `site_id`, `key`, `name`, `name_key`, `color`, `created_by`, `created_at`)
SELECT lower(hex(randomblob(16))), `sites`.`id`, d.`key`, d.`name`, lower(d.`name`), d.`color`, NULL, `sites`.`created_at`
FROM `sites`, (
  SELECT 'follow_up_required' AS `key`, 'Follow-up required' AS `name`, '#d97706' AS `color`
  UNION ALL SELECT 'escalated', 'Escalated', '#dc2626'
  UNION ALL SELECT 'bug_report', 'Bug report', '#7c3aed'
  UNION ALL SELECT 'feature_request', 'Feature request', '#2563eb'
) AS d;
