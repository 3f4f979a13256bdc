import type { ReactiveControllerHost } from 'lit';
import { focusedControl, returnFocus } from '../chat/return-focus.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import type { CsatDraft, CsatView } from './csat.js';

/** What the prompt needs of its element: re-rendering, and its shadow root to move focus in. */
export interface CsatHost extends Pick<ReactiveControllerHost, 'requestUpdate' | 'updateComplete'> {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The rating's side of the chat (CSAT): whether to ask, the visitor's answers, sending them. The
 * host draws `shown()` with `renderCsat` and passes its events here. The rating lives on the
 * conversation, so the thanks survives a reload and other tabs stop asking.
 */
export class CsatController {
  private draft: CsatDraft | null = null;

  constructor(
    private readonly host: CsatHost,
    private readonly visitor: Pick<VisitorController, 'state' | 'requireClient'>,
    /** The rating was stored and the thanks replaced the prompt (and its focused button). */
    private readonly onRated: () => void,
  ) {}

  /** The prompt or the thanks for the current conversation once it is resolved; else null. */
  shown(): CsatView | null {
    const { conversation } = this.visitor.state;
    if (conversation?.status !== 'resolved') return null;
    if (conversation.csat) return { kind: 'rated', score: conversation.csat.score };
    const key = `${conversation.id}|${conversation.resolvedAt ?? ''}`;
    const draft: CsatDraft =
      this.draft?.key === key
        ? this.draft
        : { key, score: null, comment: '', status: 'editing', error: null };
    return { kind: 'prompt', draft };
  }

  choose(score: number): void {
    const draft = this.current();
    if (!draft || draft.status === 'sending') return;
    this.set({ ...draft, score, error: draft.error === 'required' ? null : draft.error });
  }

  comment(comment: string): void {
    const draft = this.current();
    if (draft) this.set({ ...draft, comment });
  }

  /** Sends the rating; the prompt shows each step (a missing score, sending, a failure, thanks). */
  async submit(): Promise<void> {
    const draft = this.current();
    if (!draft || draft.status === 'sending') return;
    if (draft.score === null) {
      this.set({ ...draft, error: 'required', status: 'editing' });
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[part~="csat-score"] input')?.focus();
      return;
    }
    // The send button and the stars are disabled while sending: focus comes back on a failure.
    const used = focusedControl(this.host.renderRoot);
    this.set({ ...draft, status: 'sending', error: null });
    try {
      await this.visitor.requireClient().rate(draft.score, draft.comment);
    } catch {
      // A newer resolution (or none) may have replaced this one meanwhile.
      if (this.draft?.key !== draft.key) return;
      this.set({ ...draft, status: 'failed', error: 'failed' });
      await this.host.updateComplete;
      returnFocus(this.host.renderRoot, used);
      return;
    }
    // The conversation now carries the rating, so `shown()` gives the thanks.
    this.draft = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.onRated();
  }

  private current(): CsatDraft | null {
    const shown = this.shown();
    return shown?.kind === 'prompt' ? shown.draft : null;
  }

  private set(draft: CsatDraft): void {
    this.draft = draft;
    this.host.requestUpdate();
  }
}
