/** Dispatched after the chat panel closes, whether the visitor or the page closed it. */
export class SwitchboardCloseEvent extends Event {
  constructor() {
    super('switchboard-close', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-close': SwitchboardCloseEvent;
  }
}
