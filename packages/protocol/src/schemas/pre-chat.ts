import { z } from 'zod';
import { MAX_CONSENT_TEXT, MAX_PRE_CHAT_FIELDS } from '../constants.js';
import { PRE_CHAT_CONTACT_FIELDS, preChatValueLimit } from '../pre-chat.js';
import { ClientMessageId } from './common.js';
import { Contact } from './contact.js';
import { Conversation } from './conversation.js';
import { FormField, Message, MessageText } from './message.js';

/** The checkbox under the pre-chat form, e.g. "I agree to the privacy policy". */
export const PreChatConsent = z.strictObject({
  /** Whether the box must be ticked to start a chat; otherwise it is an opt-in, recorded when ticked. */
  required: z.boolean().default(true),
  /** Plain text, shown as written (no markup). */
  text: z.string().trim().min(1).max(MAX_CONSENT_TEXT),
  /** The privacy policy, linked after the text; https only. */
  url: z
    .url({ protocol: /^https$/ })
    .max(2048)
    // Written out in full, as browsers will read it: `https:/x` and backslashes are refused.
    .regex(/^https:\/\/[^\s\\/]+(\/[^\s\\]*)?$/, 'must be a full https:// URL')
    .nullable()
    .default(null),
});
export type PreChatConsent = z.infer<typeof PreChatConsent>;

/** What a site asks before a visitor's first conversation: `PUT /v1/sites/:id/pre-chat`. */
export const PreChatSettings = z
  .strictObject({
    /** Off keeps the settings but shows no form. */
    enabled: z.boolean().default(true),
    /** Shown above the fields, e.g. "Tell us who you are and we'll be right with you." */
    intro: z.string().trim().min(1).max(300).nullable().default(null),
    /**
     * In the order shown. `name`, `email` (type `email`) and `phone` (type `tel`) fill the contact;
     * any other name becomes a contact attribute. `message` is reserved for the first message.
     */
    fields: z
      .array(FormField)
      .max(MAX_PRE_CHAT_FIELDS)
      .default([
        { name: 'name', label: 'Name', type: 'text', required: true },
        { name: 'email', label: 'Email', type: 'email', required: true },
      ]),
    /**
     * Ask for the visitor's first message in the form too (as Chatwoot does): sending the form then
     * starts the conversation with it. Off: the form only fills the contact, and the visitor
     * writes their first message in the chat as usual.
     */
    askForMessage: z.boolean().default(true),
    consent: PreChatConsent.nullable().default(null),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.fields.forEach((field, i) => {
      const path = ['fields', i];
      if (seen.has(field.name))
        ctx.addIssue({ code: 'custom', path: [...path, 'name'], message: 'duplicate field' });
      seen.add(field.name);
      if (field.name === 'message')
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'name'],
          message: '"message" is reserved for the first message (askForMessage)',
        });
      const type = PRE_CHAT_CONTACT_FIELDS[field.name];
      if (type && field.type !== type)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'type'],
          message: `the "${field.name}" field must be of type ${type}`,
        });
    });
    if (settings.enabled && settings.fields.length === 0 && !settings.askForMessage && !settings.consent)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'an enabled form must ask for something' });
  });
export type PreChatSettings = z.infer<typeof PreChatSettings>;
export type PreChatSettingsInput = z.input<typeof PreChatSettings>;

/**
 * `pre_chat:submit`: the visitor's answers. The fields are checked against the site's form in the
 * service (`checkPreChat`), so that an unknown or missing field gets an issue naming it.
 */
export const PreChatSubmission = z
  .strictObject({
    /** By field name; blank optional fields may be left out. */
    fields: z
      .record(z.string().min(1).max(64), z.string().max(preChatValueLimit('')))
      .refine((fields) => Object.keys(fields).length <= MAX_PRE_CHAT_FIELDS, 'too many fields')
      .default({}),
    /** Whether the consent box was ticked. */
    consent: z.boolean().default(false),
    /** The first message, when the form asks for it. */
    message: MessageText.optional(),
    /** Minted by the client for the first message; a retry reuses it, and nothing is stored twice. */
    clientMessageId: ClientMessageId.optional(),
  })
  .refine((s) => s.message === undefined || s.clientMessageId !== undefined, {
    path: ['clientMessageId'],
    message: 'required with a message',
  });
/** What a client sends (`consent` and `fields` may be left out); the server reads it parsed. */
export type PreChatSubmission = z.input<typeof PreChatSubmission>;

/** What `pre_chat:submit` acknowledges: the filled-in contact and, with a message, the conversation it started. */
export const PreChatResult = z.object({
  contact: Contact,
  conversation: Conversation.nullable(),
  message: Message.nullable(),
});
export type PreChatResult = z.infer<typeof PreChatResult>;
