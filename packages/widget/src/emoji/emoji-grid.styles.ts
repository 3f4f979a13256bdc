import { css } from '../element/css.js';

// Added to the chat's shadow root when the grid first opens (see `addStyles`), with the grid's chunk.
export const emojiGridStyles = css`
  [part~='emoji-picker'] {
    position: absolute;
    bottom: 100%;
    inset-inline-start: 8px;
    display: grid;
    grid-template-columns: repeat(8, 32px);
    gap: 2px;
    padding: 8px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: 12px;
    background: var(--switchboard-background, #fff);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }
  [part~='emoji-option'] {
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: transparent;
    font-size: 20px;
    line-height: 1;
    cursor: pointer;
  }
  [part~='emoji-option']:hover {
    background: var(--switchboard-bubble-background, #f1f5f9);
  }
  [part~='emoji-option']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 0;
  }
`;
