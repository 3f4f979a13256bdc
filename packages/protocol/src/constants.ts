// Plain constants with no zod import, so client bundles can use them at no cost.
// The schemas build their enums from these lists; there is one declaration of each.

export const CONVERSATION_STATUSES = ['bot', 'queued', 'active', 'pending', 'resolved', 'abandoned'] as const;

/** States in which a conversation takes messages without being reopened. */
export const OPEN_STATUSES = ['bot', 'queued', 'active', 'pending'] as const;

/**
 * The agent console's lists (`GET /v1/conversations?view=`). `mine`: open and assigned to the
 * asking agent. `queued`: waiting for an agent. `bot`: the bot is answering. `all`: every open
 * conversation, whoever has it. `closed`: resolved or abandoned.
 */
export const CONVERSATION_VIEWS = ['mine', 'queued', 'bot', 'all', 'closed'] as const;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const CHANNELS = ['web', 'whatsapp', 'telegram', 'messenger', 'email', 'webhook'] as const;

/** The channels a provider bridges; `web` is the widget's own and has no account. */
export const BRIDGED_CHANNELS = ['whatsapp', 'telegram', 'messenger', 'email', 'webhook'] as const;

/**
 * Where a message sent into a channel stands with the provider. States only move forward
 * (`pending` → `sent` → `delivered` → `read`); `failed` ends a send that will not be retried.
 */
export const MESSAGE_DELIVERY_STATES = ['pending', 'sent', 'delivered', 'read', 'failed'] as const;

export const AUTHOR_KINDS = ['visitor', 'agent', 'bot', 'system'] as const;

export const MESSAGE_KINDS = ['text', 'attachment', 'note', 'event'] as const;

export const AGENT_ROLES = ['agent', 'admin'] as const;

export const AGENT_STATUSES = ['available', 'busy', 'away', 'offline'] as const;

export const IDENTITY_VERIFICATION_MODES = ['off', 'optional', 'enforce'] as const;

export const MAX_MESSAGE_TEXT = 4000;

/**
 * Canned responses: the longest shortcut (a slug such as `refund-policy`), title, body and
 * category. A body is at most a message long, since it is sent as one.
 */
export const MAX_CANNED_SHORTCUT = 64;
export const MAX_CANNED_TITLE = 120;
export const MAX_CANNED_BODY = MAX_MESSAGE_TEXT;
export const MAX_CANNED_CATEGORY = 60;

/**
 * The variables a canned response's body may use, as `{{contact.first_name}}` (with a fallback:
 * `{{contact.first_name || 'there'}}`). Besides these, `contact.attributes.<key>` reads one of the
 * contact's attributes.
 */
export const CANNED_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.email',
  'contact.phone',
  'agent.name',
  'agent.first_name',
  'conversation.id',
] as const;

/** What a `canned:changed` event reports. */
export const CANNED_CHANGES = ['created', 'updated', 'deleted'] as const;

/** What an attachment is shown as: an image preview, an audio or video player, or a download link. */
export const ATTACHMENT_KINDS = ['image', 'audio', 'video', 'file'] as const;

/** The most attachments one message can carry. */
export const MAX_ATTACHMENTS = 10;

/** The most cards one message can carry. */
export const MAX_CARDS = 10;

/** The longest attachment name the server keeps (longer names are shortened). */
export const MAX_ATTACHMENT_NAME = 255;

/** CSAT ratings: a score from 1 to MAX_CSAT_SCORE, and an optional comment of at most MAX_CSAT_COMMENT characters. */
export const MAX_CSAT_SCORE = 5;
export const MAX_CSAT_COMMENT = 1000;

/**
 * Typing indicators are never stored: a sender repeats `typing: true` every TYPING_REFRESH_MS
 * while typing, and a receiver forgets a typing state not refreshed within TYPING_TIMEOUT_MS.
 */
export const TYPING_REFRESH_MS = 2500;
export const TYPING_TIMEOUT_MS = 6000;

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
  'handoff_requested',
  'handoff_accepted',
  'handoff_returned',
  'handoff_timed_out',
  'offline_form_submitted',
  /** The visitor rated the resolved conversation (CSAT); `data` has the score and comment. */
  'rated',
  /** The visitor's pre-chat form started the conversation; `data` has the answers and consent. */
  'pre_chat_submitted',
  /** An agent tagged the conversation; `data.tag` is the (normalised) tag. */
  'tag_added',
  'tag_removed',
  /** An agent applied a label; `data` has its `labelId` and `name`. */
  'label_added',
  'label_removed',
  /** An agent edited the conversation's contact; `data.fields` names what changed. */
  'contact_updated',
] as const;

/**
 * Why a conversation left the bot for a human. The first four come with `handoff:requested`;
 * `bot_timeout` comes with `handoff:timed_out` (the bot failed or did not answer in time).
 */
export const HANDOFF_REASONS = [
  'visitor_request',
  'bot_decision',
  'fallback_limit',
  'agent_intervention',
  'bot_timeout',
] as const;

/** The bot adapters a site can choose (server/src/bots/<kind>/). */
export const BOT_KINDS = ['rules', 'webhook', 'sdk'] as const;

/** What happens when a visitor needs a human and none is available. */
export const NO_AGENT_MODES = ['queue', 'offline_form'] as const;

/** How a form field is drawn and checked: `tel` is a phone number, `textarea` several lines. */
export const FORM_FIELD_TYPES = ['text', 'email', 'tel', 'textarea'] as const;

/** The pre-chat form: at most this many fields, and a consent text of at most this many characters. */
export const MAX_PRE_CHAT_FIELDS = 10;
export const MAX_CONSENT_TEXT = 300;

/** The offline form's fields; `offline_form:submit` carries exactly these. */
export const DEFAULT_OFFLINE_FIELDS = [
  { name: 'name', label: 'Name', type: 'text', required: false },
  { name: 'email', label: 'Email', type: 'email', required: true },
  { name: 'message', label: 'How can we help?', type: 'textarea', required: true },
] as const satisfies readonly {
  name: string;
  label: string;
  type: (typeof FORM_FIELD_TYPES)[number];
  required: boolean;
}[];

/** Tags: free text, normalised (see `normalizeTag`), at most this long and this many per conversation. */
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 20;

/** Labels: at most this many per conversation; names at most this long. */
export const MAX_LABELS = 10;
export const MAX_LABEL_NAME = 40;

/**
 * The labels every site starts with; agents add their own beside them. `key` names a default
 * label whatever it has been renamed to, so clients can word it in their language.
 */
export const DEFAULT_LABELS = [
  { key: 'follow_up_required', name: 'Follow-up required', color: '#d97706' },
  { key: 'escalated', name: 'Escalated', color: '#dc2626' },
  { key: 'bug_report', name: 'Bug report', color: '#7c3aed' },
  { key: 'feature_request', name: 'Feature request', color: '#2563eb' },
] as const;

export type DefaultLabelKey = (typeof DEFAULT_LABELS)[number]['key'];

/** The most custom attributes a contact may carry once an agent's edit is applied. */
export const MAX_CONTACT_ATTRIBUTES = 50;
