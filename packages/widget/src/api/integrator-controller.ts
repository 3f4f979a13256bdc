import type { VisitorState } from '@switchboard/agent-sdk';
import type { Attributes, VisitorIdentity } from '@switchboard/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SwitchboardErrorEvent } from '../events/error.js';
import { SwitchboardReadyEvent } from '../events/ready.js';
import { SwitchboardUnreadChangeEvent } from '../events/unread-change.js';
import type { VisitorController } from '../visitor/visitor-controller.js';
import { stateEvents } from './state-events.js';
import { UserProfile, type SwitchboardUser } from './user-profile.js';

export interface IntegratorControllerOptions {
  /** The count the launcher's badge shows. */
  unread(): number;
  /** Builds the client again, now with `identity` as its option, and hands it to the visitor controller. */
  rebuildClient(): void;
}

/** Has the visitor used the chat, so that a session may exist? Before that, nothing is sent. */
const interacted = (state: VisitorState) =>
  state.contact !== null || state.pending.length > 0 || state.connection !== 'idle';

/**
 * The element's side of the integrator API: the page's user and attributes, and the events that
 * tell the page what happens in the chat (ready, conversation start and end, handoff, connection,
 * unread count, errors), derived from the visitor's state after each render.
 */
export class IntegratorController implements ReactiveController {
  readonly profile = new UserProfile();

  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly visitor: VisitorController;
  private readonly options: IntegratorControllerOptions;
  private ready = false;
  private seen: Pick<VisitorState, 'connection' | 'conversation' | 'error'> = {
    connection: 'idle',
    conversation: null,
    error: null,
  };
  private unread = 0;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    visitor: VisitorController,
    options: IntegratorControllerOptions,
  ) {
    this.host = host;
    this.visitor = visitor;
    this.options = options;
    host.addController(this);
  }

  /** The identity to create the client with (the `identity` option), if the page named a user. */
  get identity(): VisitorIdentity | undefined {
    return this.profile.identity ?? undefined;
  }

  setUser(user: SwitchboardUser): Promise<void> {
    return this.sendIdentity(this.profile.setUser(user));
  }

  setAttributes(attributes: Attributes): Promise<void> {
    const identity = this.profile.setAttributes(attributes);
    return identity ? this.sendIdentity(identity) : Promise.resolve();
  }

  /** Forgets the user, the attributes and the visitor's session; the next interaction starts afresh. */
  reset(): void {
    this.profile.clear();
    this.visitor.client?.reset();
  }

  hostUpdated(): void {
    if (!this.ready) {
      this.ready = true;
      this.host.dispatchEvent(new SwitchboardReadyEvent());
    }
    const state = this.visitor.state;
    const events = stateEvents(this.seen, state);
    this.seen = { connection: state.connection, conversation: state.conversation, error: state.error };
    const unread = this.options.unread();
    if (unread !== this.unread) {
      this.unread = unread;
      events.push(new SwitchboardUnreadChangeEvent({ count: unread }));
    }
    for (const event of events) this.host.dispatchEvent(event);
  }

  private async sendIdentity(identity: VisitorIdentity): Promise<void> {
    const client = this.visitor.client;
    // Without a client, the next one is created with the identity as its option.
    if (!client) return;
    // Before the visitor interacts, identify() would create a session: a client created with the
    // identity as its option waits, sending it with the first session request instead.
    if (!interacted(client.getSnapshot())) {
      this.options.rebuildClient();
      return;
    }
    try {
      await client.identify(identity);
    } catch (error) {
      this.host.dispatchEvent(
        new SwitchboardErrorEvent({ error: error instanceof Error ? error : new Error(String(error)) }),
      );
    }
  }
}
