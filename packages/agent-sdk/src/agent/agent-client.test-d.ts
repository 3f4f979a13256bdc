// Type tests (`vitest --typecheck`): the agent client's events, actions and views are typed end to
// end, so a console written against the SDK gets the payload types from the protocol for free.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AgentPresence,
  AgentTypingEvent,
  Contact,
  Conversation,
  ConversationListQuery,
  DeliveryReceipt,
  Message,
  TimelineEvent,
} from '@switchboard/protocol';
import type { SwitchboardError } from '../errors.js';
import type {
  AgentClient,
  ConnectionState,
  ConversationAssignedEvent,
  ConversationListView,
  ConversationViewState,
} from '../types.js';

declare const client: AgentClient;

describe('agent client events', () => {
  it('hands each listener the payload of its event', () => {
    client.on('message:created', (message) => expectTypeOf(message).toEqualTypeOf<Message>());
    client.on('conversation:updated', (conversation) =>
      expectTypeOf(conversation).toEqualTypeOf<Conversation>(),
    );
    client.on('conversation:assigned', (event) => {
      expectTypeOf(event).toEqualTypeOf<ConversationAssignedEvent>();
      expectTypeOf(event.conversation).toEqualTypeOf<Conversation>();
    });
    client.on('contact:updated', (contact) => expectTypeOf(contact).toEqualTypeOf<Contact>());
    client.on('agent:status_changed', (presence) => expectTypeOf(presence).toEqualTypeOf<AgentPresence>());
    client.on('typing', (event) => expectTypeOf(event).toEqualTypeOf<AgentTypingEvent>());
    client.on('conversation:delivered', (receipt) => expectTypeOf(receipt).toEqualTypeOf<DeliveryReceipt>());
    client.on('connection:changed', (state) => expectTypeOf(state).toEqualTypeOf<ConnectionState>());
    client.on('error', (error) => expectTypeOf(error).toEqualTypeOf<SwitchboardError>());
  });

  it('refuses an unknown event name and a listener of the wrong payload', () => {
    // @ts-expect-error: no such event
    client.on('conversation:exploded', () => {});
    // @ts-expect-error: a message listener does not take a conversation
    client.on('message:created', (conversation: Conversation) => conversation);
  });
});

describe('agent client actions', () => {
  it('resolves each action with the protocol type', () => {
    expectTypeOf<AgentClient['accept']>().returns.resolves.toEqualTypeOf<Conversation>();
    expectTypeOf<AgentClient['transfer']>()
      .parameter(1)
      .toEqualTypeOf<{ agentId: string } | { queueId: string }>();
    expectTypeOf<AgentClient['resolve']>()
      .parameter(1)
      .toEqualTypeOf<Conversation['resolveReason'] & string>();
    expectTypeOf<AgentClient['setPriority']>().parameter(1).toEqualTypeOf<Conversation['priority']>();
    expectTypeOf<AgentClient['setStatus']>().returns.resolves.toEqualTypeOf<AgentPresence>();
    expectTypeOf<AgentClient['timeline']>().returns.resolves.toEqualTypeOf<TimelineEvent[]>();
    expectTypeOf<AgentClient['sendMessage']>().returns.resolves.toEqualTypeOf<Message>();
  });

  it('refuses a wrong argument', () => {
    // @ts-expect-error: not a priority
    void client.setPriority('c1', 'asap');
    // @ts-expect-error: not a resolve reason
    void client.resolve('c1', 'bored');
  });
});

describe('conversation views', () => {
  it('takes the list query and gives a live, typed list', () => {
    expectTypeOf<AgentClient['view']>()
      .parameter(0)
      .toEqualTypeOf<Partial<ConversationListQuery> | undefined>();
    const view = client.view({ view: 'mine', priority: 'urgent', q: 'ada' });
    expectTypeOf(view).toEqualTypeOf<ConversationListView>();
    expectTypeOf(view.getSnapshot()).toEqualTypeOf<ConversationViewState>();
    expectTypeOf(view.getSnapshot().items).toEqualTypeOf<readonly Conversation[]>();
    // @ts-expect-error: not a view
    client.view({ view: 'archive' });
  });
});
