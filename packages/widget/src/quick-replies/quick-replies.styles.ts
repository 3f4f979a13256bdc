import { css } from '../element/css.js';

export const quickRepliesStyles = css`
  [part~='quick-replies'] {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    max-width: 90%;
  }
  [part~='quick-reply'] {
    padding: 5px 12px;
    border: 1px solid var(--switchboard-accent, #4f46e5);
    border-radius: 16px;
    background: var(--switchboard-background, #fff);
    color: var(--switchboard-accent, #4f46e5);
    font: inherit;
    font-size: 14px;
    cursor: pointer;
  }
  [part~='quick-reply']:hover {
    background: var(--switchboard-bubble-background, #f1f5f9);
  }
  [part~='quick-reply']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
`;
