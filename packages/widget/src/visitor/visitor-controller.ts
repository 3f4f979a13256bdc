import { INITIAL_VISITOR_STATE, type VisitorClient, type VisitorState } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The state shown before a client exists (no site key or server URL yet). */
export const NO_VISITOR_STATE: VisitorState = INITIAL_VISITOR_STATE;

export interface VisitorControllerOptions {
  /** Called for each message from an agent, a bot or the system that arrives in real time. */
  onReceive?: (message: Message) => void;
}

/**
 * Drives a visitor client for a Lit host: connected while the host is in the document, a new
 * render on every store change, disconnected when the host leaves. The host owns the client's
 * configuration and hands a new client over with `setClient` when it changes. Actions go to the
 * client itself (`client`), each caller deciding what a failure means for it.
 */
export class VisitorController implements ReactiveController {
  /** The latest snapshot of the client's store. */
  state: VisitorState = NO_VISITOR_STATE;

  private readonly host: ReactiveControllerHost;
  private readonly options: VisitorControllerOptions;
  private current: VisitorClient | null = null;
  private hostIsConnected = false;
  private stop: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, options: VisitorControllerOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get client(): VisitorClient | null {
    return this.current;
  }

  /** Replaces the client (the old one is disconnected); `null` leaves the chat unconfigured. */
  setClient(client: VisitorClient | null): void {
    if (client === this.current) return;
    this.detach();
    this.current = client;
    this.state = client?.getSnapshot() ?? NO_VISITOR_STATE;
    if (this.hostIsConnected) this.attach();
    this.host.requestUpdate();
  }

  /**
   * The client, for what the visitor asked of a form (the pre-chat and offline forms, the rating,
   * an upload): throws without one, inside the caller's `try`, so the form says it failed.
   */
  requireClient(): VisitorClient {
    if (!this.current) throw new Error('The chat is not configured');
    return this.current;
  }

  hostConnected(): void {
    this.hostIsConnected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.hostIsConnected = false;
    this.detach();
  }

  private attach(): void {
    const client = this.current;
    if (!client || this.stop) return;
    const unsubscribe = client.subscribe((state) => {
      this.state = state;
      this.host.requestUpdate();
    });
    const unlisten = client.on('message:created', (message) => {
      if (message.authorKind !== 'visitor') this.options.onReceive?.(message);
    });
    this.stop = () => {
      unsubscribe();
      unlisten();
      client.disconnect();
    };
    this.state = client.getSnapshot();
    // Without a stored session this does nothing until the first message, so a page view costs
    // the server nothing. A failure lands in the store's `error`, which the banner shows.
    client.connect().catch(() => {});
  }

  private detach(): void {
    this.stop?.();
    this.stop = null;
  }
}
