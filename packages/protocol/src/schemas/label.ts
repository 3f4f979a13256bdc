import { z } from 'zod';
import { DEFAULT_LABELS, MAX_LABEL_NAME, type DefaultLabelKey } from '../constants.js';
import { Id, Timestamp } from './common.js';

/** `#rrggbb`, stored lowercase. */
export const LabelColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c')
  .transform((color) => color.toLowerCase());

const LabelName = z.string().trim().min(1).max(MAX_LABEL_NAME);

const DEFAULT_KEYS = DEFAULT_LABELS.map((label) => label.key) as [DefaultLabelKey, ...DefaultLabelKey[]];

/**
 * One of a site's labels: the defaults every site starts with (`key` set) or one an agent
 * created (`key` null). Names are unique per site, ignoring case.
 */
export const Label = z.object({
  id: Id,
  siteId: Id,
  key: z.enum(DEFAULT_KEYS).nullable(),
  name: z.string().min(1).max(MAX_LABEL_NAME),
  color: z.string(),
  createdAt: Timestamp,
});
export type Label = z.infer<typeof Label>;

/** `POST /v1/labels`: a custom label for one site. */
export const CreateLabelRequest = z.strictObject({ siteId: Id, name: LabelName, color: LabelColor });
export type CreateLabelRequest = z.input<typeof CreateLabelRequest>;

/** `PATCH /v1/labels/:id`: rename or recolour any label (a default keeps its `key`). */
export const UpdateLabelRequest = z
  .strictObject({ name: LabelName.optional(), color: LabelColor.optional() })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateLabelRequest = z.input<typeof UpdateLabelRequest>;

/** `conversation:add_label` and `conversation:remove_label`. */
export const LabelPayload = z.strictObject({ conversationId: Id, labelId: Id });
export type LabelPayload = z.infer<typeof LabelPayload>;
