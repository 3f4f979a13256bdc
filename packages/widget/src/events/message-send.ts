import type { Attachment } from '@switchboard/protocol';

/**
 * Dispatched before the visitor's message is handed to the SDK. Call `preventDefault()` to keep it
 * from being sent; the text and the files then stay in the composer.
 */
export class SwitchboardMessageSendEvent extends CustomEvent<{
  text: string;
  attachments: readonly Attachment[];
}> {
  /** The text about to be sent, trimmed (also `detail.text`); empty when only files go. */
  readonly text: string;
  /** The uploaded files going with it (also `detail.attachments`); empty for most messages. */
  readonly attachments: readonly Attachment[];

  constructor(text: string, attachments: readonly Attachment[] = []) {
    super('switchboard-message-send', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { text, attachments },
    });
    this.text = text;
    this.attachments = attachments;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-message-send': SwitchboardMessageSendEvent;
  }
}
