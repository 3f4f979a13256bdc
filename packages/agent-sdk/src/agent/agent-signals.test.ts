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
