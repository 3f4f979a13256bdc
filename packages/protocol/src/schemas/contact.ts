import { z } from 'zod';
import { Attributes, Id, Timestamp } from './common.js';

const noControlChars = (value: string) => [...value].every((char) => char >= ' ' && char !== '\x7f');

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

/** An attribute's key as agents edit it: what `Attributes` allows, without control characters. */
const AttributeKey = z.string().min(1).max(64).refine(noControlChars, 'must not contain control characters');

/**
 * `PATCH /v1/contacts/:id` (agents): the fields to change, each optional; `null` clears a field.
 * `attributes` are merged into the contact's: a key set to `null` is removed, others are set.
 * At most `MAX_CONTACT_ATTRIBUTES` attributes may remain. All or nothing: one bad field and
 * nothing is written.
 */
export const UpdateContactRequest = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine(noControlChars, 'must not contain control characters')
      .nullable()
      .optional(),
    email: z.string().trim().pipe(z.email().max(320)).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()./-]{2,31}$/, 'must be a phone number: digits, spaces, + ( ) . / -')
      .nullable()
      .optional(),
    attributes: z
      .record(AttributeKey, z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateContactRequest = z.input<typeof UpdateContactRequest>;
