import { css } from '../element/css.js';

/** The pre-chat form's own rules; the shared ones are in chat/in-chat-form.styles.ts. */
export const preChatStyles = css`
  [part~='pre-chat'] {
    gap: 10px;
  }
  [part~='pre-chat-intro'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='pre-chat-field'] {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  [part~='pre-chat-required'] {
    margin-inline-start: 2px;
    color: var(--switchboard-danger, #dc2626);
  }
  [part~='pre-chat-input'][aria-invalid='true'],
  [part~='pre-chat-consent-checkbox'][aria-invalid='true'] {
    border-color: var(--switchboard-danger, #dc2626);
    outline: 1px solid var(--switchboard-danger, #dc2626);
  }
  /* The box, then its text and the policy link; the error under the text. */
  [part~='pre-chat-consent'] {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 8px;
    row-gap: 4px;
    align-items: start;
    font-size: 13px;
  }
  [part~='pre-chat-consent'] [part~='pre-chat-label'] {
    font-weight: 400;
  }
  [part~='pre-chat-consent'] [part~='pre-chat-error'] {
    grid-column: 2;
  }
  [part~='pre-chat-consent-checkbox'] {
    width: 18px;
    height: 18px;
    margin: 1px 0 0;
    accent-color: var(--switchboard-accent, #4f46e5);
  }
  [part~='pre-chat-consent-checkbox']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='pre-chat-consent-link'] {
    margin-inline-start: 4px;
    color: var(--switchboard-accent, #4f46e5);
    text-decoration: underline;
  }
  [part~='pre-chat-consent-link']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 1px;
  }
`;
