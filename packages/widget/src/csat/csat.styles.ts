import { css } from 'lit';

export const csatStyles = css`
  [part~='csat'] {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0;
    padding: 12px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: var(--switchboard-bubble-radius, 16px);
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
  [part~='csat-comment-label'] {
    font-size: 13px;
    font-weight: 600;
  }
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
  [part~='csat-comment']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 0;
    border-color: transparent;
  }
  [part~='csat-error'] {
    margin: 0;
    font-size: 12px;
    color: var(--switchboard-danger, #dc2626);
  }
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
  [part~='csat-submit']:disabled {
    opacity: 0.4;
    cursor: default;
  }
  [part~='csat-submit']:focus-visible {
    outline: 3px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='csat-thanks'] {
    margin: 0;
    color: var(--switchboard-muted, #6b7280);
    font-size: 13px;
    text-align: center;
  }
`;
