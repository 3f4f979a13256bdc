import type { Conversation } from '@switchboard/protocol';
import { csatCommentText, csatScoreText, csatStars } from '../lib/csat.js';
import { h, setAttr, setText } from '../lib/dom.js';
import { formatFullTime } from '../lib/relative-time.js';

export interface CsatPanel {
  element: HTMLElement;
  /** Follows the open conversation's latest snapshot; shown only while it is resolved. */
  show(conversation: Conversation | undefined): void;
}

/**
 * The visitor's rating of a resolved conversation (CSAT): stars and their comment, or that they
 * have not rated it (yet). The thread feeds it each new snapshot, so `conversation:rated` and
 * `conversation:updated` show at once.
 */
export function csatPanel(): CsatPanel {
  const stars = h('span', { className: 'csat-stars', testId: 'csat-stars' });
  const score = h('span', { className: 'csat-score', testId: 'csat-score' });
  const comment = h('p', { className: 'csat-comment', testId: 'csat-comment' });
  const element = h(
    'section',
    { className: 'csat-panel', testId: 'csat-panel', attrs: { 'aria-label': 'Customer rating' } },
    h('div', { className: 'csat-heading' }, stars, score),
    comment,
  );
  element.hidden = true;

  return {
    element,
    show(conversation) {
      element.hidden = conversation?.status !== 'resolved';
      if (element.hidden) return;
      const csat = conversation?.csat ?? null;
      setAttr(element, 'data-score', csat === null ? null : String(csat.score));
      stars.hidden = csat === null;
      setText(stars, csat === null ? '' : csatStars(csat.score));
      setAttr(stars, 'aria-hidden', 'true');
      setText(score, csat === null ? 'Not rated by the visitor yet' : csatScoreText(csat.score));
      setAttr(score, 'title', csat === null ? null : `Rated ${formatFullTime(csat.ratedAt)}`);
      const text = csat === null ? '' : csatCommentText(csat);
      setText(comment, text);
      comment.hidden = text === '';
    },
  };
}
