import { SwitchboardError } from '@switchboard/agent-sdk';
import type { PreChatSettings, VisitorIdentity } from '@switchboard/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { focusedControl, returnFocus } from '../chat/return-focus.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { preChatDue } from './pre-chat-due.js';
import type { PreChatState } from './pre-chat-form.js';
import { errorsFromIssues, hasErrors, NO_ERRORS, validatePreChat } from './validate-pre-chat.js';

/** What the form needs of its element: re-rendering, and its shadow root to move focus in. */
export interface PreChatHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PreChatControllerOptions {
  /** Whether the panel is open: focus moves to the form only then. */
  isOpen: () => boolean;
  /** The page's user (`setUser`), who may not need the form. */
  user: () => VisitorIdentity | undefined;
  /** The form was sent and is gone (with its focused button): carry on in the chat. */
  onSent: () => void;
}

const EMPTY: PreChatState = {
  values: { fields: {}, message: '', consent: false },
  errors: NO_ERRORS,
  status: 'editing',
};

const FIRST_FIELD = '[part~="pre-chat-input"], [part~="pre-chat-consent-checkbox"]';
const FIRST_INVALID = `:is(${FIRST_FIELD})[aria-invalid="true"]`;

/**
 * The pre-chat form's side of the chat: whether the form is shown, the visitor's answers,
 * checking and sending them, and focus (the first field when the form appears, the first refused
 * one after a failed check). `createPreChatPart` draws `shown()` and passes its events here.
 */
export class PreChatController implements ReactiveController {
  private state: PreChatState = EMPTY;
  /** The form being sent: it stays on screen until the answer, whatever the state says meanwhile. */
  private sending: PreChatSettings | null = null;
  private wasShown = false;

  constructor(
    private readonly host: PreChatHost,
    private readonly visitor: Pick<VisitorController, 'state' | 'requireClient'>,
    private readonly options: PreChatControllerOptions,
  ) {
    host.addController(this);
  }

  /** The form to draw and what the visitor has done with it; null when there is none to show. */
  shown(): { settings: PreChatSettings; state: PreChatState } | null {
    const settings = this.sending ?? preChatDue(this.visitor.state, this.options.user());
    return settings ? { settings, state: this.state } : null;
  }

  /** The field to focus when the panel opens on the form; null when there is no form. */
  firstField(): HTMLElement | null {
    return this.shown() ? this.host.renderRoot.querySelector<HTMLElement>(FIRST_FIELD) : null;
  }

  hostUpdated(): void {
    // A form that appears while the panel is open (the site or this chunk arrived after opening)
    // takes focus.
    const shown = this.options.isOpen() && this.shown() !== null;
    if (shown && !this.wasShown) this.firstField()?.focus();
    this.wasShown = shown;
  }

  /** A text field's input event; the field is named after the form field, or `message`. */
  input(event: Event): void {
    const { name, value } = event.target as HTMLInputElement | HTMLTextAreaElement;
    const { values, errors } = this.state;
    if (name === 'message') {
      this.set({ values: { ...values, message: value }, errors: { ...errors, message: undefined } });
      return;
    }
    // What the visitor corrects is no longer wrong; the other fields keep their errors.
    const fieldErrors = { ...errors.fields };
    delete fieldErrors[name];
    this.set({
      values: { ...values, fields: { ...values.fields, [name]: value } },
      errors: { ...errors, fields: fieldErrors },
    });
  }

  consent(event: Event): void {
    const { checked } = event.target as HTMLInputElement;
    this.set({
      values: { ...this.state.values, consent: checked },
      errors: { ...this.state.errors, consent: undefined },
    });
  }

  /** Checks the answers, then sends them; the form shows each step (errors, sending, failure). */
  async submit(): Promise<void> {
    const shown = this.shown();
    if (!shown || this.sending) return;
    const { settings } = shown;
    const { values } = this.state;
    const errors = validatePreChat(settings, values);
    if (hasErrors(errors)) {
      this.set({ errors, status: 'editing' });
      return this.focusFirstInvalid();
    }
    // The button is disabled while sending: focus goes back to it (or the field) on a failure.
    const used = focusedControl(this.host.renderRoot);
    this.sending = settings;
    this.set({ errors: NO_ERRORS, status: 'sending' });
    try {
      await this.visitor.requireClient().submitPreChat({
        fields: values.fields,
        consent: values.consent,
        ...(settings.askForMessage ? { message: values.message } : {}),
      });
      this.sending = null;
      this.state = EMPTY;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.options.onSent();
    } catch (caught) {
      this.sending = null;
      const refused =
        caught instanceof SwitchboardError && caught.code === 'invalid_payload'
          ? errorsFromIssues(caught.issues)
          : NO_ERRORS;
      if (!hasErrors(refused)) {
        this.set({ status: 'failed' });
        await this.host.updateComplete;
        return returnFocus(this.host.renderRoot, used);
      }
      this.set({ errors: refused, status: 'editing' });
      return this.focusFirstInvalid();
    }
  }

  private set(changes: Partial<PreChatState>): void {
    this.state = { ...this.state, ...changes };
    this.host.requestUpdate();
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(FIRST_INVALID)?.focus();
  }
}
