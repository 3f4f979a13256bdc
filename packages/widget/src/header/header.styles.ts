import { css } from '../element/css.js';

export const headerStyles = css`
  [part~='header-text'] {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-width: 0;
  }
  [part~='header-status'],
  [part~='header-notice'] {
    margin: 0;
    overflow: hidden;
    font-size: 13px;
    text-overflow: ellipsis;
  }
  [part~='header-status'][hidden] {
    display: none;
  }
  [part~='header-avatar'] {
    display: grid;
    flex: none;
    place-items: center;
    width: 36px;
    height: 36px;
    box-sizing: border-box;
    /* A ring, not a tint: initials on a tinted accent fall short of 4.5:1 contrast. */
    border: 2px solid currentColor;
    border-radius: 50%;
    font-size: 14px;
    font-weight: 600;
  }
  [part~='header-avatar-image'] {
    object-fit: cover;
    background: #fff;
  }
  [part~='header-avatar'] svg {
    width: 22px;
    height: 22px;
    fill: currentColor;
  }
`;
