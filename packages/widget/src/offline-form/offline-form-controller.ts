import { SwitchboardError } from '@switchboard/agent-sdk';
import type { MessageForm } from '@switchboard/protocol';
import type { ReactiveControllerHost } from 'lit';
import { focusedControl, returnFocus } from '../chat/return-focus.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { currentOfflineForm } from './current-offline-form.js';
import type { OfflineFormState } from './offline-form.js';
import {
  fieldErrorsFromIssues,
  offlineFormAnswers,
  validateOfflineForm,
  type FieldErrors,
} from './validate-offline-form.js';

/** What the form needs of its element: re-rendering, and its shadow root to move focus in. */
export interface OfflineFormHost extends Pick<ReactiveControllerHost, 'requestUpdate' | 'updateComplete'> {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The offline form's side of the chat: which form is shown, the visitor's answers, checking and
 * sending them. The host draws `shown()` with `renderOfflineForm` and passes its events here.
 */
export class OfflineFormController {
  /** The form the visitor has touched: their answers and how sending them went. */
  private touched: OfflineFormState | null = null;

  constructor(
    private readonly host: OfflineFormHost,
    private readonly visitor: Pick<VisitorController, 'state' | 'requireClient'>,
    /** The answers were stored and the thanks replaced the form (and its focused button). */
    private readonly onSent: () => void,
  ) {}

  /** The offline form to draw, with what the visitor has done with it so far. */
  shown(): { form: MessageForm; state: OfflineFormState } | null {
    const { messages, contact } = this.visitor.state;
    const message = currentOfflineForm(messages, contact?.email, this.touched?.messageId ?? null);
    if (!message?.form) return null;
    const state =
      this.touched?.messageId === message.id
        ? this.touched
        : { messageId: message.id, values: {}, errors: {}, status: 'editing' as const };
    return { form: message.form, state };
  }

  /** Any field's input event; the field is named after the form field. */
  input(event: Event): void {
    const shown = this.shown();
    if (!shown) return;
    const { name, value } = event.target as HTMLInputElement | HTMLTextAreaElement;
    // What the visitor corrects is no longer wrong; the other fields keep their errors.
    const errors: Record<string, FieldErrors[string]> = { ...shown.state.errors };
    delete errors[name];
    this.set({ ...shown.state, values: { ...shown.state.values, [name]: value }, errors });
  }

  /** Checks the answers, then sends them; the form shows each step (errors, sending, thanks). */
  async submit(): Promise<void> {
    const shown = this.shown();
    if (!shown || shown.state.status === 'sending') return;
    const { form, state } = shown;
    const errors = validateOfflineForm(form.fields, state.values);
    if (Object.keys(errors).length > 0) {
      this.set({ ...state, errors, status: 'editing' });
      return this.focusFirstInvalid();
    }
    // The send button is disabled while sending, the retry button gone: focus comes back on a failure.
    const used = focusedControl(this.host.renderRoot);
    this.set({ ...state, errors: {}, status: 'sending' });
    let next: OfflineFormState;
    try {
      await this.visitor.requireClient().submitOfflineForm(offlineFormAnswers(state.values));
      next = { ...state, errors: {}, status: 'sent' };
    } catch (caught) {
      const refused =
        caught instanceof SwitchboardError && caught.code === 'invalid_payload'
          ? fieldErrorsFromIssues(form.fields, caught.issues)
          : {};
      next = { ...state, errors: refused, status: Object.keys(refused).length > 0 ? 'editing' : 'failed' };
    }
    // A newer form may have replaced this one meanwhile.
    if (this.touched?.messageId !== state.messageId) return;
    this.set(next);
    if (next.status === 'editing') return this.focusFirstInvalid();
    await this.host.updateComplete;
    if (next.status === 'sent') this.onSent();
    else returnFocus(this.host.renderRoot, used);
  }

  private set(state: OfflineFormState): void {
    this.touched = state;
    this.host.requestUpdate();
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLElement>('[part~="offline-form-input"][aria-invalid="true"]')
      ?.focus();
  }
}
