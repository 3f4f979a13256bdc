import type { Message } from '@switchboard/protocol';

/** Dispatched when a message from an agent, a bot or the system arrives in real time. */
export class SwitchboardMessageReceiveEvent extends CustomEvent<{ message: Message }> {
  /** The message (also `detail.message`). */
  readonly message: Message;

  constructor(message: Message) {
    super('switchboard-message-receive', { bubbles: true, composed: true, detail: { message } });
    this.message = message;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-message-receive': SwitchboardMessageReceiveEvent;
  }
}
