import { MAX_CSAT_COMMENT, MAX_CSAT_SCORE } from '@switchboard/protocol';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Translation } from '../i18n/en.js';

/** `failed`: the server refused or never answered; the answers stay for another try. */
export type CsatStatus = 'editing' | 'sending' | 'failed';

export interface CsatDraft {
  /** The resolution being rated: a conversation resolved again after a reopen starts afresh. */
  key: string;
  score: number | null;
  comment: string;
  status: CsatStatus;
  /** `required`: sent without a score. */
  error: 'required' | 'failed' | null;
}

/** The prompt while the resolution is unrated; the thanks once it is. */
export type CsatView = { kind: 'prompt'; draft: CsatDraft } | { kind: 'rated'; score: number };

export interface CsatOptions {
  view: CsatView;
  text: Translation;
  // Lit calls event listeners with the host element as `this`, so hosts may pass methods.
  /** A score was chosen; the event target is its radio button, whose value is the score. */
  onChoose: (event: Event) => void;
  /** The comment's input event. */
  onComment: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

const SCORES = Array.from({ length: MAX_CSAT_SCORE }, (_, i) => i + 1);

/** A five-pointed star, 24×24. */
const starPath = 'm12 2.5 2.9 6.1 6.6.8-4.9 4.6 1.3 6.6-5.9-3.3-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8L12 2.5Z';

/** Fills `{score}` and `{max}` in a string, so that translations may order them as they like. */
export function withScore(template: string, score: number): string {
  return template.replace('{score}', String(score)).replace('{max}', String(MAX_CSAT_SCORE));
}

function renderScore(score: number, draft: CsatDraft, options: CsatOptions): TemplateResult {
  // Stars up to the chosen one are filled; parts (not classes) so pages can theme them.
  const filled = draft.score !== null && score <= draft.score;
  // The radio covers its star, so a click or a tap anywhere on the star chooses it.
  return html`<label part=${filled ? 'csat-score csat-score-filled' : 'csat-score'}>
    <input
      type="radio"
      name="csat-score"
      value=${score}
      aria-label=${withScore(options.text.csatScore, score)}
      .checked=${draft.score === score}
      ?disabled=${draft.status === 'sending'}
      @change=${options.onChoose}
    />
    <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${starPath}></path></svg>
  </label>`;
}

/** After a resolve: five stars (a radio group), an optional comment and a send button; then thanks. */
export function renderCsat(options: CsatOptions): TemplateResult {
  const { view, text } = options;
  if (view.kind === 'rated') {
    return html`<p part="csat-thanks" role="status">${withScore(text.csatThanks, view.score)}</p>`;
  }
  const { draft } = view;
  const sending = draft.status === 'sending';
  return html`<form part="csat" aria-labelledby="csat-title" novalidate @submit=${options.onSubmit}>
    <p part="csat-title" id="csat-title">${text.csatTitle}</p>
    <div
      part="csat-scores"
      role="radiogroup"
      aria-labelledby="csat-title"
      aria-describedby=${draft.error === 'required' ? 'csat-error' : nothing}
    >
      ${SCORES.map((score) => renderScore(score, draft, options))}
    </div>
    <label part="csat-comment-label" for="csat-comment">${text.csatComment}</label>
    <textarea
      part="csat-comment"
      id="csat-comment"
      name="comment"
      rows="2"
      maxlength=${MAX_CSAT_COMMENT}
      ?readonly=${sending}
      .value=${draft.comment}
      @input=${options.onComment}
    ></textarea>
    ${
      draft.error
        ? html`<p part="csat-error" id="csat-error" role="alert">
            ${draft.error === 'required' ? text.csatRequired : text.csatFailed}
          </p>`
        : nothing
    }
    <button part="csat-submit" type="submit" ?disabled=${sending}>
      ${sending ? text.sending : text.csatSubmit}
    </button>
  </form>`;
}
