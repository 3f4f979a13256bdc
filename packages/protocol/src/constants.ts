// Plain constants with no zod import, so client bundles can use them at no cost.
// The schemas build their enums from these lists; there is one declaration of each.

export const CONVERSATION_STATUSES = ['bot', 'queued', 'active', 'pending', 'resolved', 'abandoned'] as const;

/** States in which a conversation takes messages without being reopened. */
export const OPEN_STATUSES = ['bot', 'queued', 'active', 'pending'] as const;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const CHANNELS = ['web', 'whatsapp', 'telegram', 'messenger', 'email', 'webhook'] as const;

export const AUTHOR_KINDS = ['visitor', 'agent', 'bot', 'system'] as const;

export const MESSAGE_KINDS = ['text', 'attachment', 'note', 'event'] as const;

export const AGENT_ROLES = ['agent', 'admin'] as const;

export const AGENT_STATUSES = ['available', 'busy', 'away', 'offline'] as const;

export const IDENTITY_VERIFICATION_MODES = ['off', 'optional', 'enforce'] as const;

export const MAX_MESSAGE_TEXT = 4000;

/** How a queue hands out conversations (DESIGN.md, Routing). */
export const QUEUE_STRATEGIES = ['round_robin', 'least_busy', 'priority', 'manual'] as const;

export const RESOLVE_REASONS = ['solved', 'customer_not_responding', 'transferred', 'other'] as const;

/** What a conversation's timeline (the customer journey) records. */
export const TIMELINE_EVENT_TYPES = [
  'created',
  'queued',
  'assigned',
  'transferred',
  'priority_changed',
  'resolved',
  'reopened',
  'abandoned',
] as const;
