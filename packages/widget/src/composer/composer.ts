import { MAX_MESSAGE_TEXT } from '@switchboard/protocol';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../i18n/en.js';

/** A paper plane, 24×24. */
const sendIconPath = 'M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2v6.4Z';

export interface ComposerOptions {
  value: string;
  /** No client to send through (the chat is not configured). */
  disabled: boolean;
  text: Strings;
  // Lit calls event listeners with the host element as `this`, so hosts may pass methods.
  onInput: (event: InputEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
  /** Focus left the text field (the visitor stopped typing). */
  onBlur?: (event: FocusEvent) => void;
  /** Buttons drawn before the text field: attach, emoji. */
  before?: unknown;
  /** Whether there is something to send. @default the text is not blank */
  canSend?: boolean;
}

/** The text field and send button at the bottom of the panel. */
export function renderComposer(options: ComposerOptions): TemplateResult {
  const { value, disabled, text } = options;
  return html`<form part="composer" @submit=${options.onSubmit}>
    ${options.before ?? nothing}
    <textarea
      part="composer-input"
      rows="1"
      maxlength=${MAX_MESSAGE_TEXT}
      aria-label=${text.inputLabel}
      placeholder=${text.placeholder}
      .value=${value}
      ?disabled=${disabled}
      @input=${options.onInput}
      @keydown=${options.onKeydown}
      @blur=${options.onBlur}
    ></textarea>
    <button
      part="send-button"
      type="submit"
      aria-label=${text.send}
      ?disabled=${disabled || !(options.canSend ?? value.trim() !== '')}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${sendIconPath}></path></svg>
    </button>
  </form>`;
}
