import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisitorController } from './visitor-controller.js';

/**
 * Sends read receipts while the visitor can actually see the conversation: the panel is open
 * and the tab visible. Checked after every render (the SDK sends only when there is something
 * new) and when the tab comes back into view.
 */
export class ReadController implements ReactiveController {
  private readonly onVisibility = () => this.markIfSeen();

  constructor(
    host: ReactiveControllerHost,
    private readonly visitor: VisitorController,
    private readonly isOpen: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  hostUpdated(): void {
    this.markIfSeen();
  }

  private markIfSeen(): void {
    if (this.isOpen() && document.visibilityState === 'visible') this.visitor.client?.markRead();
  }
}
