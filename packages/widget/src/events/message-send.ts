/**
 * Dispatched before the visitor's message is handed to the SDK. Call `preventDefault()` to keep it
 * from being sent; the text then stays in the composer.
 */
export class SwitchboardMessageSendEvent extends CustomEvent<{ text: string }> {
  /** The text about to be sent, trimmed (also `detail.text`). */
  readonly text: string;

  constructor(text: string) {
    super('switchboard-message-send', { bubbles: true, composed: true, cancelable: true, detail: { text } });
    this.text = text;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-message-send': SwitchboardMessageSendEvent;
  }
}
