import { z } from 'zod';
import { BRIDGED_CHANNELS, MAX_MESSAGE_TEXT, MESSAGE_DELIVERY_STATES } from '../constants.js';
import { ClientMessageId, Id, Timestamp } from './common.js';

export const BridgedChannel = z.enum(BRIDGED_CHANNELS);
export type BridgedChannel = z.infer<typeof BridgedChannel>;

export const MessageDeliveryState = z.enum(MESSAGE_DELIVERY_STATES);
export type MessageDeliveryState = z.infer<typeof MessageDeliveryState>;

export const MessageDelivery = z.object({
  state: MessageDeliveryState,
  /** Why the provider refused it or why we gave up, for the agent; null unless `failed`. */
  error: z.string().nullable(),
  updatedAt: Timestamp,
});
export interface MessageDelivery extends z.infer<typeof MessageDelivery> {}

/** A connected provider account (a WhatsApp number, a Telegram bot…) as agents see it: no secrets. */
export const ChannelAccount = z.object({
  id: Id,
  siteId: Id,
  channel: BridgedChannel,
  name: z.string(),
  /** The URL to register with the provider (path only when the server does not know its public URL). */
  webhookUrl: z.string(),
  createdAt: Timestamp,
});
export interface ChannelAccount extends z.infer<typeof ChannelAccount> {}

/** `POST /v1/channels` (admins). `config` is checked by the channel's adapter; see docs/channels/. */
export const CreateChannelAccountRequest = z.strictObject({
  siteId: Id,
  channel: BridgedChannel,
  name: z.string().trim().min(1).max(80),
  config: z.record(z.string(), z.unknown()),
});
export type CreateChannelAccountRequest = z.infer<typeof CreateChannelAccountRequest>;

/** An approved message template (WhatsApp) an agent may send outside the customer-service window. */
export const ChannelTemplate = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string().nullable(),
  /** The body with `{{1}}`, `{{2}}`… where the parameters go. */
  body: z.string(),
  parameterCount: z.number().int().nonnegative(),
});
export interface ChannelTemplate extends z.infer<typeof ChannelTemplate> {}

export const TemplateMessage = z.strictObject({
  name: z.string().trim().min(1).max(512),
  language: z.string().trim().min(2).max(15),
  /** The body's parameters, in order. */
  parameters: z.array(z.string().max(1024)).max(20).default([]),
});
export type TemplateMessage = z.infer<typeof TemplateMessage>;

/** `POST /v1/conversations/:id/template`: send an approved template into a channel conversation. */
export const SendTemplateRequest = z.strictObject({
  clientMessageId: ClientMessageId,
  template: TemplateMessage,
});
export type SendTemplateRequest = z.input<typeof SendTemplateRequest>;

/**
 * `POST /v1/conversations/outbound`: an agent starts a conversation with a contact on a channel
 * (by phone for WhatsApp, by email for email…). Text, or a template where the channel needs one.
 */
export const StartOutboundRequest = z
  .strictObject({
    channelAccountId: Id,
    /** The contact's address on the channel: a phone number in E.164, an email address, a chat id. */
    to: z.string().trim().min(1).max(320),
    name: z.string().trim().min(1).max(120).optional(),
    /** Email only. */
    subject: z.string().trim().min(1).max(200).optional(),
    clientMessageId: ClientMessageId,
    text: z.string().trim().min(1).max(MAX_MESSAGE_TEXT).optional(),
    template: TemplateMessage.optional(),
  })
  .refine((request) => (request.text === undefined) !== (request.template === undefined), {
    message: 'give either text or template',
    path: ['text'],
  });
export type StartOutboundRequest = z.input<typeof StartOutboundRequest>;
