// The files of the next message as the chat loads them: a chunk of its own (with the SDK's
// uploader), fetched when the visitor first picks, drops or pastes a file, or drags one over the
// panel (the drop zone comes with it).
import type { Attachment } from '@switchboard/protocol';
import type { ReactiveControllerHost } from 'lit';
import { addStyles } from '../element/add-styles.js';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { renderAttachmentTray } from './attachment-tray.js';
import { attachmentTrayStyles } from './attachment-tray.styles.js';
import { renderDropZone } from './drop-zone.js';
import { dropZoneStyles } from './drop-zone.styles.js';
import { AttachmentsController, type AttachmentText } from './attachments-controller.js';

export interface AttachmentsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AttachmentsPart {
  readonly controller: AttachmentsController;
  renderTray(text: Strings, lang: string): unknown;
  /** Over the panel while files are dragged onto it. */
  renderDropZone(text: Strings): unknown;
}

export function createAttachmentsPart(
  host: AttachmentsHost,
  visitor: VisitorController,
  options: {
    text: () => AttachmentText;
    /** A file was taken out: its button is gone, so focus goes back to the composer. */
    onRemoved: () => void;
  },
): AttachmentsPart {
  addStyles(host.renderRoot, [attachmentTrayStyles, dropZoneStyles]);
  const controller = new AttachmentsController(host, visitor, options.text);
  const url = (attachment: Attachment) => visitor.client?.attachmentUrl(attachment) ?? '';
  const onRemove = (key: string) => {
    controller.remove(key);
    options.onRemoved();
  };
  return {
    controller,
    renderDropZone: (text) => renderDropZone(withPartStrings(text)),
    renderTray: (text, lang) =>
      renderAttachmentTray({
        drafts: controller.drafts,
        notices: controller.notices,
        text: withPartStrings(text),
        lang,
        url,
        onRemove,
      }),
  };
}
