import { css } from 'lit';

export const attachmentsStyles = css`
  .attach {
    display: contents;
  }
  [part~='attach-button'],
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
  [part~='attach-button'] {
    width: 40px;
    height: 40px;
  }
  [part~='attach-button'] svg {
    width: 22px;
    height: 22px;
  }
  [part~='attach-button']:hover,
  [part~='attachment-remove']:hover {
    color: var(--switchboard-text, #111827);
  }
  [part~='attach-button']:disabled {
    opacity: 0.4;
    cursor: default;
  }
  [part~='attach-button']:focus-visible,
  [part~='attachment-remove']:focus-visible,
  [part~='attachment-image-link']:focus-visible,
  [part~='attachment-file']:focus-visible {
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
