import { z } from 'zod';
import { MAX_TAGS } from '../constants.js';
import { normalizeTag, tagProblem } from '../tags.js';
import { Id } from './common.js';

/** A tag as typed; parsed into its normalised form (`normalizeTag`) and then checked. */
export const Tag = z
  .string()
  .max(200)
  .transform(normalizeTag)
  .superRefine((tag, context) => {
    const problem = tagProblem(tag);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** `conversation:add_tags` and `conversation:remove_tags`: one or more tags, duplicates ignored. */
export const TagsPayload = z.strictObject({
  conversationId: Id,
  tags: z.array(Tag).min(1).max(MAX_TAGS),
});
export type TagsPayload = z.input<typeof TagsPayload>;
