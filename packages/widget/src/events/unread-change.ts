export interface SwitchboardUnreadChangeDetail {
  /** Messages received while the panel was closed; 0 once it opens. */
  count: number;
}

/** Dispatched when the count of unread messages changes, e.g. to mirror it in the page's title. */
export class SwitchboardUnreadChangeEvent extends CustomEvent<SwitchboardUnreadChangeDetail> {
  constructor(detail: SwitchboardUnreadChangeDetail) {
    super('switchboard-unread-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-unread-change': SwitchboardUnreadChangeEvent;
  }
}
