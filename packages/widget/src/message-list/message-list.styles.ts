import { css } from '../element/css.js';

export const messageListStyles = css`
  [part~='messages'] {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 16px;
  }
  [part~='messages']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: -2px;
  }
  [part~='empty'] {
    margin: auto 0 0;
    color: var(--switchboard-muted, #6b7280);
    text-align: center;
  }
  /* Keeps a short conversation at the bottom, next to the composer. */
  .group:first-child {
    margin-top: auto;
  }
  .group {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
  }
  .group.self {
    align-items: flex-end;
  }
  .group.system {
    align-items: center;
  }
  [part~='author'] {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 0 12px;
    font-size: 12px;
    color: var(--switchboard-muted, #6b7280);
  }
  [part~='author'] svg {
    width: 14px;
    height: 14px;
  }
  [part~='author-avatar'] {
    display: inline-grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    object-fit: cover;
    background: var(--switchboard-bubble-background, #f1f5f9);
    font-size: 9px;
    font-weight: 600;
  }
  [part~='message'] {
    max-width: 80%;
    padding: 8px 12px;
    border-radius: var(--switchboard-bubble-radius, 16px);
    background: var(--switchboard-bubble-background, #f1f5f9);
    color: var(--switchboard-bubble-text, #111827);
    overflow-wrap: anywhere;
    transition: opacity 0.2s ease;
  }
  .text {
    white-space: pre-wrap;
  }
  /* A grey that shows on the accent-coloured bubbles as well as on the light ones. */
  .text code {
    padding: 0 4px;
    border-radius: 4px;
    background: rgb(127 127 127 / 18%);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .text a {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  [part~='message-other'] .text a {
    color: var(--switchboard-accent, #4f46e5);
  }
  [part~='message-self'] {
    background: var(--switchboard-accent, #4f46e5);
    color: var(--switchboard-accent-contrast, #fff);
  }
  [part~='message-system'] {
    max-width: 90%;
    padding: 2px 8px;
    background: none;
    color: var(--switchboard-muted, #6b7280);
    font-size: 13px;
    text-align: center;
  }
  [part~='message-pending'] {
    opacity: 0.55;
  }
  [part~='message-failed'] {
    opacity: 0.55;
    outline: 1px solid var(--switchboard-danger, #dc2626);
  }
  [part~='message-status'] {
    font-size: 12px;
    color: var(--switchboard-danger, #dc2626);
  }
  [part~='message-status-sent'],
  [part~='message-status-read'] {
    padding: 0 4px;
    color: var(--switchboard-muted, #6b7280);
  }
  [part~='typing-indicator'] {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 12px;
    color: var(--switchboard-muted, #6b7280);
  }
  [part~='typing-indicator'][hidden] {
    display: none;
  }
  .typing-dots {
    display: inline-flex;
    gap: 3px;
    padding: 10px 12px;
    border-radius: var(--switchboard-bubble-radius, 16px);
    background: var(--switchboard-bubble-background, #f1f5f9);
  }
  .typing-dots span {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: switchboard-typing 1.2s infinite ease-in-out;
  }
  .typing-dots span:nth-child(2) {
    animation-delay: 0.15s;
  }
  .typing-dots span:nth-child(3) {
    animation-delay: 0.3s;
  }
  @keyframes switchboard-typing {
    0%,
    60%,
    100% {
      opacity: 0.3;
      transform: none;
    }
    30% {
      opacity: 1;
      transform: translateY(-3px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .typing-dots span {
      animation: none;
      opacity: 0.6;
    }
  }
  [part~='retry-button'],
  [part~='discard-button'] {
    padding: 0 2px;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  [part~='message-emoji'] {
    padding: 0 4px;
    background: transparent;
    font-size: 32px;
    line-height: 1.2;
  }
  [part~='activity'] {
    margin: 4px 12px;
    color: var(--switchboard-muted, #6b7280);
    font-size: 12px;
    text-align: center;
  }
`;
