import type { ConnectionState } from '@switchboard/agent-sdk';

export interface SwitchboardConnectionChangeDetail {
  /** `idle` until the visitor first interacts (nothing is connected before). */
  connection: ConnectionState;
}

/** Dispatched when the connection to the server changes state. */
export class SwitchboardConnectionChangeEvent extends CustomEvent<SwitchboardConnectionChangeDetail> {
  constructor(detail: SwitchboardConnectionChangeDetail) {
    super('switchboard-connection-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-connection-change': SwitchboardConnectionChangeEvent;
  }
}
