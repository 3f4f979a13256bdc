import { css } from '../element/css.js';

/** The composer's paper clip: always there, so loaded with the chat. */
export const attachButtonStyles = css`
  .attach {
    display: contents;
  }
  [part~='attach-button'] {
    display: grid;
    place-items: center;
    flex: none;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--switchboard-muted, #6b7280);
    cursor: pointer;
    width: 40px;
    height: 40px;
  }
  [part~='attach-button'] svg {
    width: 22px;
    height: 22px;
  }
  [part~='attach-button']:hover {
    color: var(--switchboard-text, #111827);
  }
  [part~='attach-button']:disabled {
    opacity: 0.4;
    cursor: default;
  }
  [part~='attach-button']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
`;
