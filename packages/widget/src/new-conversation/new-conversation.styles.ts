import { css } from '../element/css.js';

export const newConversationStyles = css`
  [part~='new-conversation'] {
    align-self: center;
    padding: 8px 16px;
    border: 1px solid var(--switchboard-accent, #4f46e5);
    border-radius: 999px;
    background: transparent;
    color: var(--switchboard-accent, #4f46e5);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part~='new-conversation']:hover {
    background: color-mix(in srgb, var(--switchboard-accent, #4f46e5) 10%, transparent);
  }
  [part~='new-conversation']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='new-conversation']:disabled {
    cursor: default;
    opacity: 0.6;
  }
`;
