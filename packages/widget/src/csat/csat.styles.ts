import { css } from '../element/css.js';

/** The rating prompt's own rules; the shared ones are in chat/in-chat-form.styles.ts. */
export const csatStyles = css`
  [part~='csat'] {
    gap: 8px;
  }
  [part~='csat-title'] {
    margin: 0;
    font-weight: 600;
    text-align: center;
  }
  [part~='csat-scores'] {
    display: flex;
    justify-content: center;
    gap: 4px;
  }
  [part~='csat-score'] {
    position: relative;
    display: grid;
    width: 36px;
    height: 36px;
    color: var(--switchboard-muted, #6b7280);
  }
  [part~='csat-score'] input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  [part~='csat-score'] svg {
    width: 100%;
    height: 100%;
    border-radius: 8px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  [part~='csat-score']:hover,
  [part~='csat-score-filled'] {
    color: var(--switchboard-accent, #4f46e5);
  }
  [part~='csat-score-filled'] svg {
    fill: currentColor;
  }
  [part~='csat-score'] input:focus-visible + svg {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 1px;
  }
`;
