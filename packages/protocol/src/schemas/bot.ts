import { z } from 'zod';
import { BOT_KINDS, HANDOFF_REASONS, MAX_MESSAGE_TEXT, NO_AGENT_MODES } from '../constants.js';
import { ClientMessageId, Id } from './common.js';
import { Card, FieldName, MAX_CARDS, MessageText, QuickReply } from './message.js';

export const HandoffReason = z.enum(HANDOFF_REASONS);
export type HandoffReason = z.infer<typeof HandoffReason>;

export const BotKind = z.enum(BOT_KINDS);
export type BotKind = z.infer<typeof BotKind>;

/** A bot asks for a human (REST, SDK socket or a webhook bot's response). */
export const HandoffRequest = z.strictObject({
  reason: z.enum(['visitor_request', 'bot_decision', 'fallback_limit']).default('bot_decision'),
  summary: z.string().trim().max(2000).default(''),
  queueId: Id.optional(),
  skills: z.array(z.string().min(1).max(64)).max(20).optional(),
});
export type HandoffRequest = z.input<typeof HandoffRequest>;

/** One bot message. */
export const BotReply = z.strictObject({
  text: MessageText,
  quickReplies: z.array(QuickReply).max(10).default([]),
  cards: z.array(Card).max(MAX_CARDS).default([]),
});
export type BotReply = z.input<typeof BotReply>;

/** What a bot answers to one visitor message, in a webhook response or over REST. */
export const BotTurn = z.strictObject({
  replies: z.array(BotReply).max(10).default([]),
  /** Contact fields learned this turn. */
  collected: z.record(FieldName, z.string().max(1000)).optional(),
  handoff: HandoffRequest.optional(),
});
export type BotTurn = z.input<typeof BotTurn>;

/**
 * A bot's message over REST or the SDK socket. Give `deliveryId` (and `part` for the n-th reply
 * to one delivery) when answering a webhook delivery: a retried delivery then never yields a
 * second copy. Otherwise give your own `clientMessageId`.
 */
export const BotMessagePayload = z
  .strictObject({
    conversationId: Id,
    text: MessageText,
    quickReplies: z.array(QuickReply).max(10).default([]),
    cards: z.array(Card).max(MAX_CARDS).default([]),
    clientMessageId: ClientMessageId.optional(),
    deliveryId: Id.optional(),
    part: z.number().int().min(0).max(9).default(0),
  })
  .refine((p) => p.clientMessageId !== undefined || p.deliveryId !== undefined, {
    message: 'give clientMessageId or deliveryId',
  });
export type BotMessagePayload = z.input<typeof BotMessagePayload>;

export const BotHandoffPayload = HandoffRequest.extend({ conversationId: Id });
export type BotHandoffPayload = z.input<typeof BotHandoffPayload>;

/** A bot stores what it learned about the visitor. */
export const BotCollectPayload = z.strictObject({
  conversationId: Id,
  fields: z.record(FieldName, z.string().trim().max(1000)),
});
export type BotCollectPayload = z.infer<typeof BotCollectPayload>;

const Keyword = z.string().trim().min(1).max(100);

/** A field the rules bot collects: the prompt, and how the answer is checked. */
export const CollectField = z.strictObject({
  name: FieldName,
  prompt: z.string().trim().min(1).max(500),
  /** `email`: must look like one; `pattern`: must match `pattern` (a JS regular expression). */
  validate: z.enum(['text', 'email', 'pattern']).default('text'),
  pattern: z
    .string()
    .max(200)
    .refine((source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    }, 'must be a valid regular expression')
    .optional(),
  /** Said when the answer fails validation. */
  retry: z.string().trim().min(1).max(500).optional(),
});
export type CollectField = z.infer<typeof CollectField>;

/** A keyword rule (an FAQ answer or an intent) of the rules bot. */
export const BotRule = z.strictObject({
  id: z.string().trim().min(1).max(64),
  /** The rule matches when the message contains any of these words or phrases (case-insensitive). */
  keywords: z.array(Keyword).min(1).max(50),
  answer: z.string().trim().min(1).max(MAX_MESSAGE_TEXT),
  quickReplies: z.array(QuickReply).max(10).default([]),
  /** Cards shown under the answer, e.g. the products it talks about. */
  cards: z.array(Card).max(MAX_CARDS).default([]),
  /** Fields (declared under `fields`) to ask after answering, e.g. an order number. */
  collect: z.array(FieldName).max(10).default([]),
  /** Hand off to a human after answering (and collecting). */
  handoff: z.boolean().default(false),
});
export type BotRule = z.infer<typeof BotRule>;

/** The built-in rules / FAQ bot. Load it from a JSON or YAML file, or `PUT /v1/sites/:id/bot`. */
export const RulesBotConfig = z
  .strictObject({
    kind: z.literal('rules'),
    /** The bot's display name. */
    name: z.string().trim().min(1).max(80).default('Switchboard bot'),
    /** The answer to hello, hi… and to the first message when no rule matches it. */
    greeting: z.strictObject({
      text: z.string().trim().min(1).max(MAX_MESSAGE_TEXT),
      keywords: z.array(Keyword).max(50).default(['hi', 'hello', 'hey', 'good morning', 'good afternoon']),
      quickReplies: z.array(QuickReply).max(10).default([]),
    }),
    rules: z.array(BotRule).max(500).default([]),
    fields: z.array(CollectField).max(20).default([]),
    fallback: z
      .strictObject({
        text: z.string().trim().min(1).max(MAX_MESSAGE_TEXT).default("Sorry, I didn't get that."),
        /** After this many misses in a row the bot hands off (`fallback_limit`). */
        limit: z.number().int().min(1).max(10).default(2),
      })
      .prefault({}),
    handoff: z
      .strictObject({
        /** The quick reply offered under every bot message. */
        label: z.string().trim().min(1).max(80).default('Talk to a human'),
        /** Phrases that ask for a person (the label's text always does too). */
        phrases: z
          .array(Keyword)
          .max(50)
          .default(['human', 'agent', 'real person', 'talk to someone', 'representative', 'operator']),
        text: z.string().trim().min(1).max(1000).default("I'm connecting you with our team."),
        /** Fields (declared under `fields`) to ask before handing off, unless already known. */
        collect: z.array(FieldName).max(10).default([]),
        queueId: Id.optional(),
        skills: z.array(z.string().min(1).max(64)).max(20).default([]),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const declared = new Set(config.fields.map((f) => f.name));
    const check = (names: string[], path: (string | number)[]) => {
      names.forEach((name, i) => {
        if (!declared.has(name))
          ctx.addIssue({
            code: 'custom',
            path: [...path, i],
            message: `field "${name}" is not declared under fields`,
          });
      });
    };
    config.rules.forEach((rule, i) => check(rule.collect, ['rules', i, 'collect']));
    check(config.handoff.collect, ['handoff', 'collect']);
    const ids = new Set<string>();
    config.rules.forEach((rule, i) => {
      if (ids.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'duplicate rule id' });
      ids.add(rule.id);
    });
    config.fields.forEach((field, i) => {
      if (field.validate === 'pattern' && !field.pattern)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'pattern'],
          message: 'required when validate is pattern',
        });
    });
  });
export type RulesBotConfig = z.infer<typeof RulesBotConfig>;

/** A bot behind an HTTPS endpoint: each visitor message is POSTed to it, signed. */
export const WebhookBotConfig = z.strictObject({
  kind: z.literal('webhook'),
  name: z.string().trim().min(1).max(80).default('Webhook bot'),
  url: z.url({ protocol: /^https?$/ }),
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: z.number().int().min(100).max(30_000).default(5000),
  /** Attempts per delivery (the first one included); 5xx, 408, 429 and network errors are retried. */
  maxAttempts: z.number().int().min(1).max(10).default(4),
});
export type WebhookBotConfig = z.infer<typeof WebhookBotConfig>;

/** A bot written in Node with the agent SDK's `createBotClient`, using the site's bot token. */
export const SdkBotConfig = z.strictObject({
  kind: z.literal('sdk'),
  name: z.string().trim().min(1).max(80).default('SDK bot'),
});
export type SdkBotConfig = z.infer<typeof SdkBotConfig>;

export const BotConfig = z.discriminatedUnion('kind', [RulesBotConfig, WebhookBotConfig, SdkBotConfig]);
export type BotConfig = z.infer<typeof BotConfig>;
export type BotConfigInput = z.input<typeof BotConfig>;

/** `GET /v1/sites/:id/bot`: the site's bot and, for webhook bots, the signing secret. */
export const SiteBot = z.object({
  config: BotConfig.nullable(),
  /** HMAC key for `X-Switchboard-Signature` (webhook bots, notification webhooks). */
  signingSecret: z.string(),
  /** Whether a bot token has been issued (the token itself is shown once). */
  hasToken: z.boolean(),
});
export type SiteBot = z.infer<typeof SiteBot>;

/** `POST /v1/sites/:id/bot/token`: a new bot token; the previous one stops working. */
export const BotToken = z.object({ token: z.string() });
export type BotToken = z.infer<typeof BotToken>;

/** What a site does when a visitor needs a human and none is available, and whom it tells. */
export const NoAgentSettings = z.strictObject({
  /** `queue`: wait anyway, with the estimate shown; `offline_form`: offer the offline form. */
  mode: z.enum(NO_AGENT_MODES).default('queue'),
  /** Posted when nobody is online (outside business hours the after-hours message is used). */
  message: z.string().trim().min(1).max(1000).default('Nobody from our team is online right now.'),
  /** POSTed (signed) on every offline form submission. */
  notifyWebhookUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  /** Emailed on every offline form submission (needs SWITCHBOARD_SMTP_URL). */
  notifyEmail: z.email().nullable().default(null),
});
export type NoAgentSettings = z.infer<typeof NoAgentSettings>;

/** `offline_form:submit`: the visitor's answers to the offline form. */
export const OfflineFormSubmission = z.strictObject({
  conversationId: Id,
  clientMessageId: ClientMessageId,
  name: z.string().trim().max(255).optional(),
  email: z.email().max(320),
  message: MessageText,
});
export type OfflineFormSubmission = z.infer<typeof OfflineFormSubmission>;

/** `conversation:hand_back`: an agent gives the conversation back to the bot. */
export const HandBackPayload = z.strictObject({
  conversationId: Id,
  note: z.string().trim().max(1000).optional(),
});
export type HandBackPayload = z.infer<typeof HandBackPayload>;
