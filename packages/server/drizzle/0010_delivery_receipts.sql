ALTER TABLE `conversations` ADD `visitor_delivered_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `agent_delivered_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Whatever a side has read, it has received.
UPDATE `conversations` SET `visitor_delivered_seq` = `visitor_read_seq`, `agent_delivered_seq` = `agent_read_seq`;
