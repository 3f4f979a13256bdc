import {
  INITIAL_VISITOR_STATE,
  type UploadOptions,
  type VisitorClient,
  type VisitorState,
} from '@switchboard/agent-sdk';
import type { Attachment, Conversation, Message, PreChatResult, PublicSite } from '@switchboard/protocol';
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
 * configuration and hands a new client over with `setClient` when it changes.
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
   * Sends through the outbox. Failures are not thrown: the store shows them (a dimmed or failed
   * message, or `error`), and a page must never see an unhandled rejection from its chat widget.
   */
  async send(text: string, attachmentIds: readonly string[] = []): Promise<Message | null> {
    if (!this.current) return null;
    try {
      return await this.current.sendMessage(text, { attachmentIds });
    } catch {
      return null;
    }
  }

  /** Uploads a file for the next message. Rejects (with the SDK's `SwitchboardError`), so the composer can say why. */
  upload(file: File, options: UploadOptions): Promise<Attachment> {
    if (!this.current) return Promise.reject(new Error('The chat is not configured'));
    return this.current.upload(file, options);
  }

  /** Where an attachment downloads from (its `url` made absolute against the server). */
  attachmentUrl(attachment: Attachment): string {
    return this.current?.attachmentUrl(attachment) ?? '';
  }

  /**
   * Sends the offline form's answers. Unlike `send` it rejects (with the SDK's `SwitchboardError`):
   * the form shows why and offers a retry, which the SDK sends under the same client message id.
   */
  submitOfflineForm(answers: Parameters<VisitorClient['submitOfflineForm']>[0]): Promise<Message> {
    if (!this.current) return Promise.reject(new Error('The chat is not configured'));
    return this.current.submitOfflineForm(answers);
  }

  /**
   * Reads the site (its pre-chat form, whether the team is in) without a session; resolves null
   * when that fails (the chat then works as if the site had no form: the server still asks).
   */
  async loadSite(): Promise<PublicSite | null> {
    try {
      return (await this.current?.loadSite()) ?? null;
    } catch {
      return null;
    }
  }

  /** Sends the pre-chat form. Rejects, like `submitOfflineForm`, so the form can say why. */
  submitPreChat(answers: Parameters<VisitorClient['submitPreChat']>[0]): Promise<PreChatResult> {
    if (!this.current) return Promise.reject(new Error('The chat is not configured'));
    return this.current.submitPreChat(answers);
  }

  /** Rates the resolved conversation (CSAT). Rejects, like `submitOfflineForm`, so the prompt can say so. */
  rate(score: number, comment?: string): Promise<Conversation> {
    if (!this.current) return Promise.reject(new Error('The chat is not configured'));
    return this.current.rate(score, comment);
  }

  /** Tells the agent whether the visitor is typing (throttled, and never starts a session). */
  typing(active: boolean): void {
    this.current?.setTyping(active);
  }

  /** Leaves the ended conversation for a new one; a failure shows in the store's `error`. */
  async startNewConversation(): Promise<void> {
    await this.current?.startNewConversation().catch(() => null);
  }

  /** Sends a failed message again, under the same client message id. */
  async retry(clientMessageId: string): Promise<void> {
    await this.current?.retryMessage(clientMessageId).catch(() => null);
  }

  /** Drops a failed message from the outbox. */
  discard(clientMessageId: string): void {
    this.current?.discardMessage(clientMessageId);
  }

  /** Loads the page of messages before the oldest shown; resolves false when there is none. */
  async loadOlder(): Promise<boolean> {
    if (!this.current?.getSnapshot().hasOlder) return false;
    try {
      return await this.current.loadOlder();
    } catch {
      return false;
    }
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
