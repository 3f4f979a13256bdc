import { css } from '../element/css.js';

/** The files under messages, loaded with the first message that has any. */
export const attachmentListStyles = css`
  [part~='attachment-image-link']:focus-visible,
  [part~='attachment-file']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='attachments'] {
    display: flex;
    flex-direction: column;
    gap: 4px;
    max-width: 80%;
    margin: 0;
    padding: 0;
    list-style: none;
    transition: opacity 0.2s ease;
  }
  [part~='attachments-self'] {
    align-items: flex-end;
  }
  [part~='attachments-pending'] {
    opacity: 0.6;
  }
  [part~='attachment'] {
    display: flex;
    flex-direction: column;
    gap: 4px;
    max-width: 100%;
  }
  [part~='attachment-image-link'] {
    display: block;
    border-radius: var(--switchboard-bubble-radius, 16px);
    overflow: hidden;
  }
  [part~='attachment-image'],
  [part~='attachment-video'] {
    display: block;
    max-width: 100%;
    height: auto;
    max-height: var(--switchboard-attachment-max-height, 240px);
    object-fit: contain;
    background: var(--switchboard-bubble-background, #f1f5f9);
  }
  [part~='attachment-image'] {
    width: auto;
  }
  [part~='attachment-video'] {
    border-radius: 12px;
  }
  [part~='attachment-audio'] {
    max-width: 100%;
  }
  [part~='attachment-file'] {
    display: flex;
    align-items: center;
    gap: 8px;
    max-width: 100%;
    box-sizing: border-box;
    padding: 8px 12px;
    border-radius: var(--switchboard-bubble-radius, 16px);
    background: var(--switchboard-bubble-background, #f1f5f9);
    color: var(--switchboard-bubble-text, #111827);
    text-decoration: none;
  }
  [part~='attachment-file'] svg {
    flex: none;
    width: 20px;
    height: 20px;
  }
  [part~='attachment-name'] {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    text-decoration: underline;
  }
  [part~='attachment-size'] {
    flex: none;
    color: var(--switchboard-muted, #6b7280);
    font-size: 12px;
  }
`;
