import { css } from '../element/css.js';

export const composerStyles = css`
  [part~='composer'] {
    position: relative;
    display: flex;
    align-items: flex-end;
    gap: 8px;
    margin: 0;
    padding: 10px 12px;
    border-top: 1px solid var(--switchboard-border, #e5e7eb);
  }
  [part~='composer-input'] {
    flex: 1;
    box-sizing: border-box;
    min-height: 40px;
    max-height: 140px;
    padding: 9px 12px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: 20px;
    background: var(--switchboard-background, #fff);
    color: inherit;
    font: inherit;
    resize: none;
    /* Each paragraph runs in its own text's direction (English typed in an Arabic chat), while
       the empty field and its placeholder keep the widget's. dir=auto would turn those ltr. */
    unicode-bidi: plaintext;
    /* Grows with its text where supported; scrolls past max-height elsewhere. */
    field-sizing: content;
  }
  [part~='composer-input']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 0;
    border-color: transparent;
  }
  [part~='send-button'] {
    display: grid;
    place-items: center;
    flex: none;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--switchboard-accent, #4f46e5);
    color: var(--switchboard-accent-contrast, #fff);
    cursor: pointer;
  }
  [part~='send-button'] svg {
    width: 20px;
    height: 20px;
  }
  /* The paper plane flies toward the end of the line. */
  [part~='send-button']:dir(rtl) svg {
    transform: scaleX(-1);
  }
  [part~='send-button']:disabled {
    opacity: 0.4;
    cursor: default;
  }
  [part~='send-button']:focus-visible {
    outline: 3px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='emoji-button'] {
    display: grid;
    place-items: center;
    flex: none;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--switchboard-muted, #6b7280);
    cursor: pointer;
  }
  [part~='emoji-button'] svg {
    width: 22px;
    height: 22px;
    fill: currentColor;
  }
  [part~='emoji-button']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 0;
  }
`;
