import { css } from '../element/css.js';

/** The offline form's own rules; the shared ones are in chat/in-chat-form.styles.ts. */
export const offlineFormStyles = css`
  [part~='offline-form'] {
    gap: 10px;
  }
  [part~='offline-form-field'] {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  [part~='offline-form-required'] {
    margin-inline-start: 2px;
    color: var(--switchboard-danger, #dc2626);
  }
  [part~='offline-form-input'][aria-invalid='true'] {
    border-color: var(--switchboard-danger, #dc2626);
  }
`;
