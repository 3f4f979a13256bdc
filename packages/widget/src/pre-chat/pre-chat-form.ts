import {
  MAX_MESSAGE_TEXT,
  preChatValueLimit,
  type FormField,
  type PreChatSettings,
} from '@switchboard/protocol';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Translation } from '../i18n/en.js';
import { policyHref } from './policy-link.js';
import { problemText, type PreChatErrors, type PreChatValues } from './validate-pre-chat.js';

/** `failed`: the server could not be reached or refused for another reason; the answers stay. */
export type PreChatStatus = 'editing' | 'sending' | 'failed';

export interface PreChatState {
  values: PreChatValues;
  errors: PreChatErrors;
  status: PreChatStatus;
}

export interface PreChatFormOptions {
  settings: PreChatSettings;
  state: PreChatState;
  text: Translation;
  // Lit calls event listeners with the host element as `this`, so hosts may pass methods.
  /** Any text field's input; the field is the event target, named after the form field (or `message`). */
  onInput: (event: Event) => void;
  /** The consent box changed; the box is the event target. */
  onConsent: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

const INPUT_TYPE = { text: 'text', email: 'email', tel: 'tel' } as const;

const AUTOCOMPLETE: Readonly<Record<string, string>> = { name: 'name', email: 'email', phone: 'tel' };

// Ids are scoped to the shadow root, which holds one pre-chat form at a time. Fields get a prefix
// of their own, so that no field name can take the id of the consent box or the message.
const fieldId = (name: string) => `pre-chat-field-${name}`;

function label(id: string, text: string, required: boolean): TemplateResult {
  // The asterisk is for the eye; `required` on the control tells assistive technology.
  return html`<label part="pre-chat-label" for=${id}
    >${text}${required ? html`<span part="pre-chat-required" aria-hidden="true">*</span>` : nothing}</label
  >`;
}

function error(id: string, message: string | null): TemplateResult | typeof nothing {
  return message === null ? nothing : html`<span part="pre-chat-error" id="${id}-error">${message}</span>`;
}

function renderField(field: FormField, { state, text, onInput }: PreChatFormOptions): TemplateResult {
  const id = fieldId(field.name);
  const problem = state.errors.fields[field.name];
  const message = problem ? problemText(problem, text) : null;
  const value = state.values.fields[field.name] ?? '';
  const common = {
    invalid: message ? 'true' : 'false',
    describedBy: message ? `${id}-error` : nothing,
    readonly: state.status === 'sending',
  };
  const control =
    field.type === 'textarea'
      ? html`<textarea
          part="pre-chat-input"
          id=${id}
          name=${field.name}
          rows="3"
          maxlength=${preChatValueLimit(field.name)}
          ?required=${field.required}
          ?readonly=${common.readonly}
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy}
          .value=${value}
          @input=${onInput}
        ></textarea>`
      : html`<input
          part="pre-chat-input"
          id=${id}
          name=${field.name}
          type=${INPUT_TYPE[field.type]}
          autocomplete=${AUTOCOMPLETE[field.name] ?? 'off'}
          maxlength=${preChatValueLimit(field.name)}
          ?required=${field.required}
          ?readonly=${common.readonly}
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy}
          .value=${value}
          @input=${onInput}
        />`;
  return html`<div part="pre-chat-field">
    ${label(id, field.label, field.required)} ${control} ${error(id, message)}
  </div>`;
}

function renderMessage({ state, text, onInput }: PreChatFormOptions): TemplateResult {
  const id = 'pre-chat-message';
  const message = state.errors.message ? problemText(state.errors.message, text) : null;
  return html`<div part="pre-chat-field">
    ${label(id, text.preChatMessage, true)}
    <textarea
      part="pre-chat-input"
      id=${id}
      name="message"
      rows="3"
      maxlength=${MAX_MESSAGE_TEXT}
      required
      ?readonly=${state.status === 'sending'}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${message ? `${id}-error` : nothing}
      .value=${state.values.message}
      @input=${onInput}
    ></textarea>
    ${error(id, message)}
  </div>`;
}

function renderConsent(
  consent: NonNullable<PreChatSettings['consent']>,
  options: PreChatFormOptions,
): TemplateResult {
  const { state, text } = options;
  const id = 'pre-chat-consent';
  const message = state.errors.consent ? problemText(state.errors.consent, text, true) : null;
  const href = policyHref(consent.url);
  return html`<div part="pre-chat-consent">
    <input
      part="pre-chat-consent-checkbox"
      id=${id}
      type="checkbox"
      ?required=${consent.required}
      ?disabled=${state.status === 'sending'}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${message ? `${id}-error` : nothing}
      .checked=${state.values.consent}
      @change=${options.onConsent}
    />
    <span>
      ${label(id, consent.text, consent.required)}
      ${
        href
          ? html`<a part="pre-chat-consent-link" href=${href} target="_blank" rel="noopener noreferrer"
              >${text.preChatPolicy}<span class="visually-hidden"> (${text.opensInNewTab})</span></a
            >`
          : nothing
      }
    </span>
    ${error(id, message)}
  </div>`;
}

/** The form a visitor fills in before their first conversation, in the chat where it will start. */
export function renderPreChat(options: PreChatFormOptions): TemplateResult {
  const { settings, state, text } = options;
  const sending = state.status === 'sending';
  return html`<form part="pre-chat" aria-label=${text.preChatTitle} novalidate @submit=${options.onSubmit}>
    ${settings.intro ? html`<p part="pre-chat-intro">${settings.intro}</p>` : nothing}
    ${settings.fields.map((field) => renderField(field, options))}
    ${settings.askForMessage ? renderMessage(options) : nothing}
    ${settings.consent ? renderConsent(settings.consent, options) : nothing}
    ${
      state.status === 'failed'
        ? html`<p part="pre-chat-status" role="alert">${text.preChatFailed}</p>`
        : nothing
    }
    <button part="pre-chat-submit" type="submit" ?disabled=${sending}>
      ${sending ? text.sending : state.status === 'failed' ? text.retry : text.preChatSubmit}
    </button>
  </form>`;
}
