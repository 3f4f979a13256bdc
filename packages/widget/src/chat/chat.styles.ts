import { css, unsafeCSS } from '../element/css.js';
import { attachButtonStyles } from '../attachments/attach-button.styles.js';
import { composerStyles } from '../composer/composer.styles.js';
import { headerStyles } from '../header/header.styles.js';
import { launcherCss } from '../launcher/launcher.styles.js';
import { messageListStyles } from '../message-list/message-list.styles.js';
import { quickRepliesStyles } from '../quick-replies/quick-replies.styles.js';
import { themeCss } from '../theme/theme.styles.js';

const panelStyles = css`
  :host {
    font-family: var(--switchboard-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 15px;
    line-height: 1.4;
    color: var(--switchboard-text, #111827);
  }
  [part~='panel'] {
    /* The drop zone covers it while files are dragged over. */
    position: relative;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: var(--switchboard-panel-width, 370px);
    height: min(var(--switchboard-panel-height, 600px), calc(100dvh - 120px));
    overflow: hidden;
    border-radius: var(--switchboard-radius, 16px);
    background: var(--switchboard-background, #fff);
    box-shadow: 0 12px 48px rgb(0 0 0 / 0.18);
  }
  /* Wins over page rules on ::part(panel): important declarations of the inner context win. */
  [part~='panel'][hidden] {
    display: none !important;
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    gap: 8px;
    padding-block: 14px;
    padding-inline: 18px 12px;
    background: var(--switchboard-accent, #4f46e5);
    color: var(--switchboard-accent-contrast, #fff);
  }
  [part~='title'] {
    flex: 1;
    margin: 0;
    overflow: hidden;
    font-size: 16px;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='close-button'],
  [part~='notify-button'] {
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  [part~='close-button']:hover,
  [part~='notify-button']:hover {
    background: color-mix(in srgb, currentColor 15%, transparent);
  }
  [part~='close-button']:focus-visible,
  [part~='notify-button']:focus-visible {
    outline: 2px solid currentColor;
  }
  [part~='close-button'] svg,
  [part~='notify-button'] svg {
    width: 20px;
    height: 20px;
  }
  [part~='notify-button'] {
    flex: none;
  }
  [part~='notify-button'] svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
  }
  [part~='notify-button'][aria-pressed='true'] svg {
    fill: currentColor;
  }
  [part~='banner'] {
    padding: 6px 12px;
    background: var(--switchboard-warning-background, #fef3c7);
    color: var(--switchboard-warning-text, #92400e);
    font-size: 13px;
    text-align: center;
  }
  [part~='badge'] {
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 20px;
    height: 20px;
    padding: 0 5px;
    box-sizing: border-box;
    border-radius: 10px;
    background: var(--switchboard-danger, #dc2626);
    color: var(--switchboard-danger-contrast, #fff);
    font-size: 12px;
    font-weight: 600;
    line-height: 20px;
    text-align: center;
  }
  @media (max-width: 480px) {
    [part~='panel'] {
      position: fixed;
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
    :host([open]) [part~='launcher'] {
      display: none;
    }
  }
`;

export const chatStyles = [
  unsafeCSS(launcherCss),
  unsafeCSS(themeCss),
  panelStyles,
  messageListStyles,
  quickRepliesStyles,
  attachButtonStyles,
  headerStyles,
  composerStyles,
];
