import {
  TYPING_TIMEOUT_MS,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type AgentTypingEvent,
} from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentClientEvents, AgentState } from '../types.js';
import { createEventHub } from '../core/emitter.js';
import { createStore } from '../core/store.js';
import type { Transport } from '../core/transport.js';
import { conversation, message } from '../testing/factories.js';
import { createAgentSignals } from './agent-signals.js';
import { initialAgentState } from './agent-state.js';

type AgentTransport = Transport<AgentServerToClientEvents, AgentClientToServerEvents>;

function setUp() {
  const store = createStore<AgentState>(initialAgentState());
  const hub = createEventHub<AgentClientEvents>();
  const signals: unknown[][] = [];
  const requests: unknown[][] = [];
  const transport = {
    connected: true,
    signal: (...args: unknown[]) => signals.push(args) > 0,
    request: (...args: unknown[]) => {
      requests.push(args);
      return Promise.resolve({});
    },
  } as unknown as AgentTransport;
  return { store, hub, signals, requests, agent: createAgentSignals({ store, hub, transport }) };
}

const visitorTyping = (conversationId: string, typing: boolean): AgentTypingEvent => ({
  conversationId,
  who: 'visitor',
  typing,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('agent typing', () => {
  it('throttles per conversation', () => {
    const { signals, agent } = setUp();
    agent.setTyping('a', true);
    agent.setTyping('a', true);
    agent.setTyping('b', true);
    agent.setTyping('a', false);
    expect(signals).toEqual([
      ['typing', { conversationId: 'a', typing: true }],
      ['typing', { conversationId: 'b', typing: true }],
      ['typing', { conversationId: 'a', typing: false }],
    ]);
  });

  it('tracks the visitor typing per conversation until their message, a stop or expiry', () => {
    const { store, hub, agent } = setUp();
    const heard: AgentTypingEvent[] = [];
    hub.on('typing', (event) => heard.push(event));
    agent.receiveTyping(visitorTyping('a', true));
    agent.receiveTyping(visitorTyping('b', true));
    expect(store.getSnapshot().visitorTyping).toEqual({ a: true, b: true });
    hub.emit('message:created', message(1, { conversationId: 'a', authorKind: 'visitor' }));
    agent.receiveTyping(visitorTyping('c', true));
    agent.receiveTyping(visitorTyping('c', false));
    expect(store.getSnapshot().visitorTyping).toEqual({ b: true });
    vi.advanceTimersByTime(TYPING_TIMEOUT_MS);
    expect(store.getSnapshot().visitorTyping).toEqual({});
    expect(heard).toHaveLength(4);
  });

  it('ignores the echo of its own typing', () => {
    const { store, hub, agent } = setUp();
    store.setState({ agent: { ...conversationlessAgent(), id: 'me' } });
    const heard: AgentTypingEvent[] = [];
    hub.on('typing', (event) => heard.push(event));
    agent.receiveTyping({ conversationId: 'a', who: 'agent', agentId: 'me', typing: true });
    agent.receiveTyping({ conversationId: 'a', who: 'agent', agentId: 'someone', typing: true });
    expect(heard.map((e) => e.agentId)).toEqual(['someone']);
  });
});

describe('agent read receipts', () => {
  it('marks up to lastSeq once, and keeps the visitor’s mark from snapshots and receipts', () => {
    const { store, requests, agent } = setUp();
    store.setState({ conversations: { a: conversation('a', { lastSeq: 4, visitorReadSeq: 2 }) } });
    expect(store.getSnapshot().visitorReadSeq).toEqual({ a: 2 });
    agent.markRead('a');
    agent.markRead('a');
    agent.markRead('unknown');
    expect(requests).toEqual([['conversation:read', { conversationId: 'a', seq: 4 }]]);
    const at = '2025-01-01T00:00:00.000Z';
    agent.receiveRead({ conversationId: 'a', reader: 'visitor', seq: 4, at });
    agent.receiveRead({ conversationId: 'a', reader: 'visitor', seq: 3, at });
    agent.receiveRead({ conversationId: 'a', reader: 'agent', agentId: 'x', seq: 9, at });
    expect(store.getSnapshot().visitorReadSeq).toEqual({ a: 4 });
  });
});

describe('agent delivery receipts', () => {
  const at = '2025-01-01T00:00:00.000Z';
  const fromVisitor = (seq: number, conversationId = 'a') =>
    message(seq, { conversationId, authorKind: 'visitor' });

  it('acks the visitor’s messages in its own conversations, once per burst, and not in others', () => {
    const { store, requests } = setUp();
    store.setState({
      agent: { ...conversationlessAgent(), id: 'me' },
      conversations: {
        a: conversation('a', { assigneeId: 'me' }),
        b: conversation('b', { assigneeId: 'someone' }),
        q: conversation('q', { status: 'queued' }),
      },
    });
    store.setState({ messages: { a: [fromVisitor(1)], b: [fromVisitor(1, 'b')], q: [fromVisitor(1, 'q')] } });
    store.setState({
      messages: {
        ...store.getSnapshot().messages,
        a: [fromVisitor(1), fromVisitor(2), message(3, { conversationId: 'a', authorKind: 'agent' })],
      },
    });
    expect(requests).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(requests).toEqual([['conversation:delivered', { conversationId: 'a', seq: 2 }]]);

    // Taking the queued conversation: what this console already holds is delivered now.
    store.setState({
      conversations: { ...store.getSnapshot().conversations, q: conversation('q', { assigneeId: 'me' }) },
    });
    vi.advanceTimersByTime(200);
    expect(requests.at(-1)).toEqual(['conversation:delivered', { conversationId: 'q', seq: 1 }]);
    expect(requests).toHaveLength(2);
  });

  it('acks nothing the stored mark already covers, nor while disconnected or signed out', () => {
    const { store, requests } = setUp();
    store.setState({ conversations: { a: conversation('a', { assigneeId: 'me', agentDeliveredSeq: 2 }) } });
    store.setState({ messages: { a: [fromVisitor(1), fromVisitor(2)] } });
    vi.advanceTimersByTime(200);
    expect(requests).toEqual([]);
    store.setState({ agent: { ...conversationlessAgent(), id: 'me' } });
    vi.advanceTimersByTime(200);
    expect(requests).toEqual([]);
    store.setState({ messages: { a: [fromVisitor(1), fromVisitor(2), fromVisitor(3)] } });
    vi.advanceTimersByTime(200);
    expect(requests).toEqual([['conversation:delivered', { conversationId: 'a', seq: 3 }]]);
  });

  it('keeps the visitor’s delivery mark from snapshots, delivery and read receipts', () => {
    const { store, hub, agent } = setUp();
    const heard: unknown[] = [];
    hub.on('conversation:delivered', (receipt) => heard.push(receipt));
    store.setState({
      conversations: { a: conversation('a', { lastSeq: 6, visitorDeliveredSeq: 2, visitorReadSeq: 1 }) },
    });
    expect(store.getSnapshot().visitorDeliveredSeq).toEqual({ a: 2 });
    agent.receiveDelivered({ conversationId: 'a', recipient: 'visitor', seq: 4, at });
    agent.receiveDelivered({ conversationId: 'a', recipient: 'visitor', seq: 3, at });
    agent.receiveDelivered({ conversationId: 'a', recipient: 'agent', seq: 6, at });
    expect(store.getSnapshot().visitorDeliveredSeq).toEqual({ a: 4 });
    // The snapshot follows the server's row.
    expect(store.getSnapshot().conversations.a).toMatchObject({
      visitorDeliveredSeq: 4,
      agentDeliveredSeq: 6,
    });
    // Reading implies receiving.
    agent.receiveRead({ conversationId: 'a', reader: 'visitor', seq: 5, at });
    expect(store.getSnapshot().visitorDeliveredSeq).toEqual({ a: 5 });
    store.setState({
      conversations: { b: conversation('b', { visitorReadSeq: 3, visitorDeliveredSeq: 0 }) },
    });
    expect(store.getSnapshot().visitorDeliveredSeq).toEqual({ a: 5, b: 3 });
    agent.receiveRead({ conversationId: 'b', reader: 'agent', agentId: 'x', seq: 2, at });
    expect(store.getSnapshot().conversations.b).toMatchObject({ agentReadSeq: 2, agentDeliveredSeq: 2 });
    expect(heard).toHaveLength(3);
  });
});

function conversationlessAgent() {
  return {
    id: 'agent',
    email: 'agent@example.com',
    name: 'Agent',
    role: 'agent' as const,
    status: 'available' as const,
    capacity: 3,
    skills: [],
    avatarUrl: null,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}
