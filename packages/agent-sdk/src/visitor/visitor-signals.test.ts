import {
  TYPING_TIMEOUT_MS,
  type ReadReceipt,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorClientEvents, VisitorState } from '../types.js';
import { createEventHub } from '../core/emitter.js';
import { createStore } from '../core/store.js';
import type { Transport } from '../core/transport.js';
import { conversation, message } from '../testing/factories.js';
import { INITIAL_VISITOR_STATE } from './visitor-client.js';
import { createVisitorSignals } from './visitor-signals.js';

type VisitorTransport = Transport<VisitorServerToClientEvents, VisitorClientToServerEvents>;

function setUp() {
  const store = createStore<VisitorState>(INITIAL_VISITOR_STATE);
  const hub = createEventHub<VisitorClientEvents>();
  const signals: unknown[][] = [];
  const requests: unknown[][] = [];
  const transport = {
    connected: true,
    signal: (...args: unknown[]) => signals.push(args) > 0,
    // Receipts are acked with the stored mark: here, the one asked for.
    request: (...args: unknown[]) => {
      requests.push(args);
      return Promise.resolve(args[1]);
    },
  } as unknown as VisitorTransport;
  return { store, hub, signals, requests, visitor: createVisitorSignals({ store, hub, transport }) };
}

const receipt = (seq: number, conversationId = 'c1'): ReadReceipt => ({
  conversationId,
  reader: 'agent',
  agentId: 'agent_1',
  seq,
  at: '2025-01-01T00:00:00.000Z',
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('visitor typing', () => {
  it('sends nothing without a conversation, and throttled typing with one', () => {
    const { store, signals, visitor } = setUp();
    visitor.setTyping(true);
    expect(signals).toEqual([]);
    store.setState({ conversation: conversation('c1') });
    visitor.setTyping(true);
    visitor.setTyping(true);
    visitor.setTyping(false);
    expect(signals).toEqual([
      ['typing', { conversationId: 'c1', typing: true }],
      ['typing', { conversationId: 'c1', typing: false }],
    ]);
  });

  it('shows the agent typing until their message arrives, or until it expires', () => {
    const { store, hub, visitor } = setUp();
    store.setState({ conversation: conversation('c1') });
    visitor.receiveTyping({ conversationId: 'c1', who: 'agent', name: 'Ada', typing: true });
    expect(store.getSnapshot().agentTyping).toEqual({ who: 'agent', name: 'Ada' });
    hub.emit('message:created', message(1, { authorKind: 'agent' }));
    expect(store.getSnapshot().agentTyping).toBeNull();

    visitor.receiveTyping({ conversationId: 'c1', who: 'bot', typing: true });
    expect(store.getSnapshot().agentTyping).toEqual({ who: 'bot' });
    vi.advanceTimersByTime(TYPING_TIMEOUT_MS);
    expect(store.getSnapshot().agentTyping).toBeNull();

    visitor.receiveTyping({ conversationId: 'other', who: 'agent', typing: true });
    expect(store.getSnapshot().agentTyping).toBeNull();
  });
});

describe('visitor read receipts', () => {
  it('sends the last seq held once, and never for nothing new', () => {
    const { store, requests, visitor } = setUp();
    store.setState({ conversation: conversation('c1', { lastSeq: 2 }), messages: [message(1), message(2)] });
    visitor.markRead();
    visitor.markRead();
    expect(requests).toEqual([['conversation:read', { conversationId: 'c1', seq: 2 }]]);
  });

  it('starts from the stored mark and only moves readByAgentSeq forward', () => {
    const { store, visitor } = setUp();
    store.setState({ conversation: conversation('c1', { agentReadSeq: 3 }) });
    expect(store.getSnapshot().readByAgentSeq).toBe(3);
    visitor.receiveRead(receipt(5));
    visitor.receiveRead(receipt(4));
    visitor.receiveRead(receipt(9, 'other'));
    expect(store.getSnapshot().readByAgentSeq).toBe(5);
    store.setState({
      conversation: conversation('c1', { agentReadSeq: 3, updatedAt: '2025-02-01T00:00:00.000Z' }),
    });
    expect(store.getSnapshot().readByAgentSeq).toBe(5);
    store.setState({ conversation: conversation('c2') });
    expect(store.getSnapshot().readByAgentSeq).toBe(0);
  });
});

describe('visitor delivery receipts', () => {
  const at = '2025-01-01T00:00:00.000Z';

  it('acks what the other side sent, once per burst, and never the visitor’s own', () => {
    const { store, requests } = setUp();
    store.setState({ conversation: conversation('c1'), messages: [message(1)] });
    vi.advanceTimersByTime(200);
    expect(requests).toEqual([]);
    store.setState({ messages: [message(1), message(2, { authorKind: 'bot' })] });
    store.setState({
      messages: [
        message(1),
        message(2, { authorKind: 'bot' }),
        message(3, { authorKind: 'agent' }),
        message(4),
      ],
    });
    vi.advanceTimersByTime(200);
    expect(requests).toEqual([['conversation:delivered', { conversationId: 'c1', seq: 3 }]]);
    store.setState({ messages: [...store.getSnapshot().messages, message(5)] });
    vi.advanceTimersByTime(200);
    expect(requests).toHaveLength(1);
  });

  it('keeps the conversation’s snapshot in step with the marks the server stored', async () => {
    const { store, visitor } = setUp();
    store.setState({
      conversation: conversation('c1', { lastSeq: 3 }),
      messages: [message(1), message(2, { authorKind: 'agent' }), message(3, { authorKind: 'agent' })],
    });
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getSnapshot().conversation).toMatchObject({ visitorDeliveredSeq: 3, visitorReadSeq: 0 });
    visitor.markRead();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot().conversation).toMatchObject({ visitorDeliveredSeq: 3, visitorReadSeq: 3 });
    visitor.receiveDelivered({ conversationId: 'c1', recipient: 'agent', seq: 1, at });
    expect(store.getSnapshot().conversation).toMatchObject({ agentDeliveredSeq: 1, agentReadSeq: 0 });
    visitor.receiveRead(receipt(1));
    expect(store.getSnapshot().conversation).toMatchObject({ agentDeliveredSeq: 1, agentReadSeq: 1 });
  });

  it('acks nothing the stored mark covers', async () => {
    const { store, requests } = setUp();
    store.setState({
      conversation: conversation('c1', { visitorDeliveredSeq: 2 }),
      messages: [message(1, { authorKind: 'agent' }), message(2, { authorKind: 'agent' })],
    });
    await vi.advanceTimersByTimeAsync(200);
    expect(requests).toEqual([]);
  });

  it('starts from the stored marks and only moves deliveredToAgentSeq forward, raised by reads too', () => {
    const { store, hub, visitor } = setUp();
    const heard: unknown[] = [];
    hub.on('conversation:delivered', (receipt) => heard.push(receipt));
    store.setState({ conversation: conversation('c1', { agentDeliveredSeq: 2, agentReadSeq: 1 }) });
    expect(store.getSnapshot()).toMatchObject({ deliveredToAgentSeq: 2, readByAgentSeq: 1 });
    visitor.receiveDelivered({ conversationId: 'c1', recipient: 'agent', seq: 4, at });
    visitor.receiveDelivered({ conversationId: 'c1', recipient: 'agent', seq: 3, at });
    visitor.receiveDelivered({ conversationId: 'c1', recipient: 'visitor', seq: 9, at });
    visitor.receiveDelivered({ conversationId: 'other', recipient: 'agent', seq: 9, at });
    expect(store.getSnapshot().deliveredToAgentSeq).toBe(4);
    visitor.receiveRead(receipt(6));
    expect(store.getSnapshot()).toMatchObject({ deliveredToAgentSeq: 6, readByAgentSeq: 6 });
    store.setState({
      conversation: conversation('c1', { agentDeliveredSeq: 5, updatedAt: '2025-02-01T00:00:00.000Z' }),
    });
    expect(store.getSnapshot().deliveredToAgentSeq).toBe(6);
    store.setState({ conversation: conversation('c2', { agentReadSeq: 3 }) });
    expect(store.getSnapshot()).toMatchObject({ deliveredToAgentSeq: 3, readByAgentSeq: 3 });
    expect(heard).toHaveLength(2);
  });
});
