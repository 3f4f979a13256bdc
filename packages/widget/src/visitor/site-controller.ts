import type { VisitorClient } from '@switchboard/agent-sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisitorController } from './visitor-controller.js';

/**
 * Reads the site's public settings (its name, pre-chat form, whether the team is in, upload
 * limits) when the visitor first opens the chat: a page view alone costs the server nothing.
 * Each client is asked once; a session brings the site along anyway.
 */
export class SiteController implements ReactiveController {
  private askedOf: VisitorClient | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly visitor: Pick<VisitorController, 'state' | 'client'>,
    private readonly isOpen: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const client = this.visitor.client;
    if (!this.isOpen() || !client || client === this.askedOf || this.visitor.state.site) return;
    this.askedOf = client;
    // A failure leaves the chat working as if the site had no form: the server still asks.
    void client.loadSite().catch(() => null);
  }
}
