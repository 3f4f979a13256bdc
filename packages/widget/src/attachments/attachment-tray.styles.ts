import { css } from '../element/css.js';

/** The files waiting to be sent, loaded with the first one. */
export const attachmentTrayStyles = css`
  [part~='attachment-remove'] {
    display: grid;
    place-items: center;
    flex: none;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--switchboard-muted, #6b7280);
    cursor: pointer;
  }
  [part~='attachment-remove']:hover {
    color: var(--switchboard-text, #111827);
  }
  [part~='attachment-remove']:focus-visible {
    outline: 2px solid var(--switchboard-accent, #4f46e5);
    outline-offset: 2px;
  }
  [part~='attachment-tray'] {
    padding: 8px 12px 0;
    border-top: 1px solid var(--switchboard-border, #e5e7eb);
  }
  [part~='attachment-error'] {
    display: flex;
    flex-direction: column;
    margin: 0 0 6px;
    color: var(--switchboard-danger, #dc2626);
    font-size: 13px;
  }
  [part~='attachment-drafts'] {
    display: flex;
    gap: 8px;
    margin: 0;
    padding: 0 0 2px;
    list-style: none;
    overflow-x: auto;
  }
  [part~='attachment-draft'] {
    display: flex;
    flex: none;
    align-items: center;
    gap: 8px;
    max-width: 220px;
    padding: 6px;
    border: 1px solid var(--switchboard-border, #e5e7eb);
    border-radius: 10px;
    font-size: 13px;
  }
  [part~='attachment-draft-failed'] {
    border-color: var(--switchboard-danger, #dc2626);
  }
  [part~='attachment-thumbnail'] {
    flex: none;
    width: 36px;
    height: 36px;
    border-radius: 6px;
    object-fit: cover;
    color: var(--switchboard-muted, #6b7280);
  }
  .draft-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  [part~='attachment-draft-name'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='attachment-draft-size'] {
    color: var(--switchboard-muted, #6b7280);
  }
  [part~='attachment-draft-error'] {
    color: var(--switchboard-danger, #dc2626);
  }
  [part~='attachment-progress'] {
    width: 100%;
    height: 4px;
    accent-color: var(--switchboard-accent, #4f46e5);
  }
  [part~='attachment-remove'] {
    width: 28px;
    height: 28px;
  }
  [part~='attachment-remove'] svg {
    width: 16px;
    height: 16px;
  }
`;
