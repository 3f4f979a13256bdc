import { z } from 'zod';
import { Attributes, Id, Timestamp } from './common.js';

/**
 * What a visitor agreed to in the pre-chat form: the consent text and policy link exactly as they
 * were shown, when, and `version`, the SHA-256 (hex) of that text and link, so a later edit of the
 * site's wording never changes what this visitor is on record as having accepted.
 */
export const ConsentRecord = z.object({
  givenAt: Timestamp,
  text: z.string(),
  url: z.string().nullable(),
  version: z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/** The visitor's pre-chat form, as they sent it (the latest submission). */
export const ContactPreChat = z.object({
  submittedAt: Timestamp,
  /** The answers, with the labels the visitor saw, in the form's order; blank optional ones left out. */
  answers: z.array(z.object({ name: z.string(), label: z.string(), value: z.string() })),
  /** Null when the form asked for no consent, or the visitor left an optional box unticked. */
  consent: ConsentRecord.nullable(),
});
export type ContactPreChat = z.infer<typeof ContactPreChat>;

/** A visitor or customer, scoped to one site. */
export const Contact = z.object({
  id: Id,
  siteId: Id,
  externalId: z.string().max(255).nullable(),
  name: z.string().max(255).nullable(),
  email: z.string().max(320).nullable(),
  phone: z.string().max(32).nullable(),
  avatarUrl: z.string().max(2048).nullable(),
  attributes: Attributes,
  /** Null until the visitor sends the site's pre-chat form. */
  preChat: ContactPreChat.nullable(),
  createdAt: Timestamp,
});
export interface Contact extends z.infer<typeof Contact> {}
