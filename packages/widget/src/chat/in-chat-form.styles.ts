import { css } from '../element/css.js';

/**
 * What the forms drawn inside the conversation share — the pre-chat form, the offline form and
 * the rating prompt:
 * the bordered box, labels, text fields, errors, the send button and the thanks that replaces
 * the form. Each form's own file keeps only what is particular to it.
 */
export const inChatFormStyles = css`
  [part~='pre-chat'],
  [part~='offline-form'],
  [part~='csat'] {
    display: flex;
    flex-direction: column;
    margin: 0;
    padding: 12px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: var(--switchboard-bubble-radius, 16px);
  }
  [part~='pre-chat-label'],
  [part~='offline-form-label'],
  [part~='csat-comment-label'] {
    font-size: 13px;
    font-weight: 600;
  }
  [part~='pre-chat-input'],
  [part~='offline-form-input'],
  [part~='csat-comment'] {
    box-sizing: border-box;
    width: 100%;
    padding: 8px 10px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: 8px;
    background: var(--switchboard-background, #fff);
    color: inherit;
    font: inherit;
    resize: vertical;
  }
  [part~='pre-chat-input']:focus-visible,
  [part~='offline-form-input']:focus-visible,
  [part~='csat-comment']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 0;
    border-color: transparent;
  }
  [part~='pre-chat-error'],
  [part~='pre-chat-status'],
  [part~='offline-form-error'],
  [part~='offline-form-status'],
  [part~='csat-error'] {
    margin: 0;
    font-size: 12px;
    color: var(--switchboard-danger, #dc2626);
  }
  [part~='pre-chat-submit'],
  [part~='offline-form-submit'],
  [part~='csat-submit'] {
    align-self: flex-end;
    padding: 8px 18px;
    border: 0;
    border-radius: 20px;
    background: var(--switchboard-accent, #4f46e5);
    color: var(--switchboard-accent-contrast, #fff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part~='pre-chat-submit']:disabled,
  [part~='offline-form-submit']:disabled,
  [part~='csat-submit']:disabled {
    opacity: 0.4;
    cursor: default;
  }
  [part~='pre-chat-submit']:focus-visible,
  [part~='offline-form-submit']:focus-visible,
  [part~='csat-submit']:focus-visible {
    outline: 3px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='offline-form-sent'],
  [part~='csat-thanks'] {
    margin: 0;
    color: var(--switchboard-muted, #6b7280);
    font-size: 13px;
    text-align: center;
  }
`;
