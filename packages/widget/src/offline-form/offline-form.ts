import { MAX_MESSAGE_TEXT, type FormField, type MessageForm } from '@switchboard/protocol';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../i18n/en.js';
import { isRequired, type FieldError, type FieldErrors, type FieldValues } from './validate-offline-form.js';

/** `failed`: the server refused or never answered; the answers stay for a retry. */
export type OfflineFormStatus = 'editing' | 'sending' | 'failed' | 'sent';

export interface OfflineFormState {
  /** The id of the message that carries the form. */
  messageId: string;
  values: FieldValues;
  errors: FieldErrors;
  status: OfflineFormStatus;
}

export interface OfflineFormOptions {
  form: MessageForm;
  state: OfflineFormState;
  text: Translation;
  // Lit calls event listeners with the host element as `this`, so hosts may pass methods.
  /** Any field's input; the field is the event target, named after the form field. */
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

const ERROR_TEXT = { required: 'fieldRequired', email: 'fieldEmail', invalid: 'fieldInvalid' } as const;

const AUTOCOMPLETE: Readonly<Record<string, string>> = { name: 'name', email: 'email' };

function renderField(field: FormField, options: OfflineFormOptions): TemplateResult {
  const { state, text } = options;
  // Ids are scoped to the shadow root, which holds one form at a time.
  const id = `offline-${field.name}`;
  const error: FieldError | undefined = state.errors[field.name];
  const required = isRequired(field);
  const value = state.values[field.name] ?? '';
  const describedBy = error ? `${id}-error` : nothing;
  const readonly = state.status === 'sending';
  // An email input drops outer spaces from its value. Writing that value back while the visitor
  // types (it differs from what lit last set) moves the caret and scrambles the address; `live`
  // compares with the field's own value, which already matches.
  const control =
    field.type === 'textarea'
      ? html`<textarea
          part="offline-form-input"
          id=${id}
          name=${field.name}
          rows="3"
          maxlength=${MAX_MESSAGE_TEXT}
          ?required=${required}
          ?readonly=${readonly}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${value}
          @input=${options.onInput}
        ></textarea>`
      : html`<input
          part="offline-form-input"
          id=${id}
          name=${field.name}
          type=${field.type === 'email' ? 'email' : 'text'}
          autocomplete=${AUTOCOMPLETE[field.name] ?? 'off'}
          ?required=${required}
          ?readonly=${readonly}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${live(value)}
          @input=${options.onInput}
        />`;
  // The asterisk is for the eye; `required` tells assistive technology.
  return html`<div part="offline-form-field">
    <label part="offline-form-label" for=${id}
      >${field.label}${
        required ? html`<span part="offline-form-required" aria-hidden="true">*</span>` : nothing
      }</label
    >
    ${control}
    ${error ? html`<span part="offline-form-error" id="${id}-error">${text[ERROR_TEXT[error]]}</span>` : nothing}
  </div>`;
}

/** A message's offline form, or the thanks that replaces it once sent. */
export function renderOfflineForm(options: OfflineFormOptions): TemplateResult {
  const { form, state, text } = options;
  if (state.status === 'sent') return html`<p part="offline-form-sent" role="status">${text.formSent}</p>`;
  const sending = state.status === 'sending';
  return html`<form part="offline-form" aria-label=${text.formTitle} novalidate @submit=${options.onSubmit}>
    ${form.fields.map((field) => renderField(field, options))}
    ${
      state.status === 'failed'
        ? html`<p part="offline-form-status" role="alert">
            ${text.formFailed}
            <button part="retry-button" type="submit">${text.retry}</button>
          </p>`
        : nothing
    }
    <button part="offline-form-submit" type="submit" ?disabled=${sending}>
      ${sending ? text.sending : text.send}
    </button>
  </form>`;
}
