import { css } from '../element/css.js';

export const dropZoneStyles = css`
  [part~='drop-zone'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border: 2px dashed var(--switchboard-accent, #4f46e5);
    border-radius: var(--switchboard-radius, 16px);
    background: color-mix(in srgb, var(--switchboard-background, #fff) 88%, transparent);
    color: var(--switchboard-accent, #4f46e5);
    font-weight: 600;
    pointer-events: none;
  }
`;
