import { css } from '../element/css.js';

export const cardsStyles = css`
  [part~='cards'] {
    display: flex;
    gap: 8px;
    max-width: 100%;
    margin: 0;
    padding: 2px 2px 6px;
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x proximity;
  }
  [part~='cards']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='card'] {
    flex: 0 0 auto;
    display: flex;
    flex-direction: column;
    gap: 2px;
    width: 160px;
    padding-bottom: 8px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: 10px;
    background: var(--switchboard-background, #fff);
    overflow: hidden;
    scroll-snap-align: start;
  }
  [part~='card'] > :not(img) {
    margin: 0 10px;
  }
  [part~='card-image'] {
    width: 100%;
    aspect-ratio: 16 / 10;
    object-fit: cover;
    margin-bottom: 4px;
    background: var(--switchboard-bubble-background, #f1f5f9);
  }
  [part~='card-image'][hidden] {
    display: none;
  }
  [part~='card-title'] {
    font-weight: 600;
  }
  [part~='card-subtitle'] {
    color: var(--switchboard-muted, #6b7280);
    font-size: 13px;
  }
  [part~='card-price'] {
    font-weight: 600;
  }
  [part~='card-link'] {
    margin-top: 4px;
    color: var(--switchboard-accent, #4f46e5);
  }
  [part~='card-link']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
