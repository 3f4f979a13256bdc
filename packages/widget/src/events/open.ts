/** Dispatched after the chat panel opens, whether the visitor or the page opened it. */
export class SwitchboardOpenEvent extends Event {
  constructor() {
    super('switchboard-open', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-open': SwitchboardOpenEvent;
  }
}
