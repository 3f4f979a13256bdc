import { z } from 'zod';
import { cannedTemplateProblems } from '../canned-template.js';
import {
  CANNED_CHANGES,
  MAX_CANNED_BODY,
  MAX_CANNED_CATEGORY,
  MAX_CANNED_SHORTCUT,
  MAX_CANNED_TITLE,
} from '../constants.js';
import { Id, Timestamp } from './common.js';

/**
 * What an agent types after `/` to pick a response: a slug such as `refund-policy` (letters,
 * digits, `-` and `_`, starting with a letter or digit). Unique per site regardless of case.
 */
export const CannedShortcut = z
  .string()
  .trim()
  .min(1)
  .max(MAX_CANNED_SHORTCUT)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    'must be letters, digits, "-" and "_", starting with a letter or digit (like refund-policy)',
  );

const CannedTitle = z.string().trim().min(1).max(MAX_CANNED_TITLE);

/** A body as written: its placeholders must be well-formed and name known variables. */
export const CannedBody = z
  .string()
  .trim()
  .min(1)
  .max(MAX_CANNED_BODY)
  .superRefine((body, context) => {
    for (const message of cannedTemplateProblems(body)) context.addIssue({ code: 'custom', message });
  });

/** A category to group responses under; blank means none (null). */
const CannedCategory = z
  .string()
  .trim()
  .max(MAX_CANNED_CATEGORY)
  .nullable()
  .transform((category) => (category === '' ? null : category));

/**
 * A reply agents reuse, per site. The body is a template (see `parseCannedTemplate`): the SDK's
 * `renderCanned` fills in `{{contact.first_name}}` and the rest for a conversation.
 */
export const CannedResponse = z.object({
  id: Id,
  siteId: Id,
  shortcut: z.string().min(1).max(MAX_CANNED_SHORTCUT),
  title: z.string().min(1).max(MAX_CANNED_TITLE),
  body: z.string().min(1).max(MAX_CANNED_BODY),
  category: z.string().min(1).max(MAX_CANNED_CATEGORY).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export interface CannedResponse extends z.infer<typeof CannedResponse> {}

/** `POST /v1/canned-responses` (agents). */
export const CreateCannedResponseRequest = z.strictObject({
  siteId: Id,
  shortcut: CannedShortcut,
  title: CannedTitle,
  body: CannedBody,
  category: CannedCategory.optional().transform((category) => category ?? null),
});
export type CreateCannedResponseRequest = z.input<typeof CreateCannedResponseRequest>;

/** `PATCH /v1/canned-responses/:id` (agents): any of the fields; `category: null` removes it. */
export const UpdateCannedResponseRequest = z
  .strictObject({
    shortcut: CannedShortcut.optional(),
    title: CannedTitle.optional(),
    body: CannedBody.optional(),
    category: CannedCategory.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateCannedResponseRequest = z.input<typeof UpdateCannedResponseRequest>;

/** `GET /v1/canned-responses` query string; a blank `q` is no search. */
export const CannedResponseListQuery = z.strictObject({
  siteId: Id.optional(),
  /** Searched in shortcut, title and body, ignoring case and accents (see `searchCannedResponses`). */
  q: z
    .string()
    .max(200)
    .optional()
    .transform((q) => (q?.trim() ? q : undefined)),
  /** Exact category. */
  category: z.string().trim().min(1).max(MAX_CANNED_CATEGORY).optional(),
});
export type CannedResponseListQuery = z.input<typeof CannedResponseListQuery>;

export const CannedChange = z.enum(CANNED_CHANGES);
export type CannedChange = z.infer<typeof CannedChange>;

/** `canned:changed`: a response was created, updated or (as it last was) deleted. */
export const CannedChangedEvent = z.object({
  change: CannedChange,
  cannedResponse: CannedResponse,
});
export type CannedChangedEvent = z.infer<typeof CannedChangedEvent>;
