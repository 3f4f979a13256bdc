import { z } from 'zod';
import { MAX_CSAT_SCORE, MAX_CSAT_COMMENT } from '../constants.js';
import { Id, Timestamp } from './common.js';

/** How satisfied the visitor was, from 1 (not at all) to 5 (very). */
export const CsatScore = z.number().int().min(1).max(MAX_CSAT_SCORE);

/** A resolved conversation's rating, as stored: one per resolution. */
export const CsatRating = z.object({
  score: CsatScore,
  /** What the visitor added in their own words; null when they added nothing. */
  comment: z.string().max(MAX_CSAT_COMMENT).nullable(),
  ratedAt: Timestamp,
});
export type CsatRating = z.infer<typeof CsatRating>;

/** `conversation:rate`: the visitor rates their resolved conversation. A blank comment counts as none. */
export const CsatSubmission = z.strictObject({
  conversationId: Id,
  score: CsatScore,
  comment: z.string().trim().max(MAX_CSAT_COMMENT).optional(),
});
export type CsatSubmission = z.infer<typeof CsatSubmission>;
