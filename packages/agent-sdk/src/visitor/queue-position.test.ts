import type { QueuePosition } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import type { VisitorClientEvents, VisitorState } from '../types.js';
import { createEventHub } from '../core/emitter.js';
import { createStore } from '../core/store.js';
import { conversation } from '../testing/factories.js';
import { createVisitorConversation } from './visitor-conversation.js';
import { INITIAL_VISITOR_STATE } from './visitor-client.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

function setup() {
  const store = createStore<VisitorState>(INITIAL_VISITOR_STATE);
  const hub = createEventHub<VisitorClientEvents>();
  const positions: QueuePosition[] = [];
  hub.on('queue:position', (position) => positions.push(position));
  const current = createVisitorConversation({
    store,
    hub,
    // A brand-new conversation (lastSeq 0) has no history to fetch.
    http: { request: () => Promise.reject(new Error('no HTTP in this test')) },
    acknowledge: () => undefined,
    onTargetChange: () => undefined,
    onError: () => undefined,
  });
  return { store, current, positions };
}

const queued = conversation('conv_1', { status: 'queued', updatedAt: at(1) });
const position = (n: number, conversationId = queued.id): QueuePosition => ({
  conversationId,
  position: n,
  estimatedWaitSeconds: n * 60,
});

describe('queue position', () => {
  it('starts out null', () => {
    expect(INITIAL_VISITOR_STATE.queuePosition).toBeNull();
  });

  it('follows queue:position for the current, queued conversation', () => {
    const { store, current, positions } = setup();
    current.adopt(queued);
    current.receivePosition(position(3));
    current.receivePosition(position(2));
    expect(store.getSnapshot().queuePosition).toEqual(position(2));
    expect(positions).toEqual([position(3), position(2)]);
  });

  it("ignores another conversation's position", () => {
    const { store, current, positions } = setup();
    current.adopt(queued);
    current.receivePosition(position(1, 'conv_other'));
    expect(store.getSnapshot().queuePosition).toBeNull();
    expect(positions).toEqual([]);
  });

  it('applies a position that arrived just before its conversation was adopted', () => {
    // The server sends it right after the start ack; one network read can deliver both, and
    // the event is handled before the ack's continuation adopts the conversation.
    const { store, current, positions } = setup();
    current.receivePosition(position(2));
    current.adopt(queued);
    expect(store.getSnapshot().queuePosition).toEqual(position(2));
    expect(positions).toEqual([position(2)]);
  });

  it('does not carry an early position over to a different conversation', () => {
    const { store, current, positions } = setup();
    current.receivePosition(position(1, 'conv_other'));
    current.adopt(queued);
    expect(store.getSnapshot().queuePosition).toBeNull();
    expect(positions).toEqual([]);
  });

  it('clears when the conversation leaves the queue, and ignores positions after that', () => {
    const { store, current } = setup();
    current.adopt(queued);
    current.receivePosition(position(1));
    current.adopt({ ...queued, status: 'active', assigneeId: 'agent_1', updatedAt: at(2) });
    expect(store.getSnapshot().queuePosition).toBeNull();
    current.receivePosition(position(1));
    expect(store.getSnapshot().queuePosition).toBeNull();
  });

  it('keeps the position through an update that stays queued, and clears on drop', () => {
    const { store, current } = setup();
    current.adopt(queued);
    current.receivePosition(position(2));
    current.adopt({ ...queued, priority: 'high', updatedAt: at(2) });
    expect(store.getSnapshot().queuePosition).toEqual(position(2));
    current.drop();
    expect(store.getSnapshot().queuePosition).toBeNull();
  });

  it('clears when another conversation becomes current', () => {
    const { store, current } = setup();
    current.adopt(queued);
    current.receivePosition(position(2));
    current.adopt(conversation('conv_2', { status: 'queued', updatedAt: at(3) }));
    expect(store.getSnapshot().queuePosition).toBeNull();
  });
});
