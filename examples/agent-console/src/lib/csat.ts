// How the console shows a visitor's rating (CSAT) of a resolved conversation.
import { MAX_CSAT_SCORE, type CsatRating } from '@switchboard/protocol';

/** Filled stars for the score, hollow ones for the rest: `★★★★☆`. Out-of-range scores are clamped. */
export function csatStars(score: number): string {
  const filled = Math.min(MAX_CSAT_SCORE, Math.max(0, Math.round(score)));
  return '★'.repeat(filled) + '☆'.repeat(MAX_CSAT_SCORE - filled);
}

/** The score in words, for screen readers and tooltips: `Rated 4 of 5`. */
export function csatScoreText(score: number): string {
  return `Rated ${score} of ${MAX_CSAT_SCORE}`;
}

/** The comment as quoted in the panel; empty when the visitor added none. */
export function csatCommentText(csat: Pick<CsatRating, 'comment'>): string {
  const comment = csat.comment?.trim() ?? '';
  return comment === '' ? '' : `“${comment}”`;
}
