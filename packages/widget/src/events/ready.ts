/**
 * Dispatched once, after the element's first render: from then on its methods (`setUser`,
 * `show`, …) act at once. Listen on the element before it upgrades to be sure to see it.
 */
export class SwitchboardReadyEvent extends Event {
  constructor() {
    super('switchboard-ready', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-ready': SwitchboardReadyEvent;
  }
}
