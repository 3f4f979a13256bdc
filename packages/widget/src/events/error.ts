export interface SwitchboardErrorDetail {
  /** The SDK's `SwitchboardError` (with its `code`) or, for a refused `setUser`, what it threw. */
  error: Error;
}

/**
 * Dispatched when something stops the chat from working (the server refuses the site key or the
 * user's identity, …); the widget shows its own notice too. Retried network failures are not errors.
 */
export class SwitchboardErrorEvent extends CustomEvent<SwitchboardErrorDetail> {
  constructor(detail: SwitchboardErrorDetail) {
    super('switchboard-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-error': SwitchboardErrorEvent;
  }
}
