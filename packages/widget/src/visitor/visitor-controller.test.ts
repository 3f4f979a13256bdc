import {
  SwitchboardError,
  type VisitorClient,
  type VisitorClientEvents,
  type VisitorState,
} from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { NO_VISITOR_STATE, VisitorController } from './visitor-controller.js';

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
  connect() {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect() {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

/** Just enough of a visitor client to watch what the controller does with it. */
function fakeClient(overrides: Partial<VisitorClient> = {}) {
  let state: VisitorState = { ...NO_VISITOR_STATE };
  const subscribers = new Set<(state: VisitorState) => void>();
  // By event name; each set holds that event's listeners.
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const client: VisitorClient = {
    getSnapshot: () => state,
    subscribe(listener: (state: VisitorState) => void) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
    select: () => () => {},
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    off() {},
    connect: vi.fn(async () => {}),
    disconnect: vi.fn(),
    startConversation: vi.fn(),
    startNewConversation: vi.fn(),
    sendMessage: vi.fn(),
    submitOfflineForm: vi.fn(),
    loadSite: vi.fn(),
    submitPreChat: vi.fn(),
    rate: vi.fn(),
    identify: vi.fn(),
    loadOlder: vi.fn(() => Promise.resolve(false)),
    setTyping: vi.fn(),
    markRead: vi.fn(),
    reset: vi.fn(),
    retryMessage: vi.fn(),
    discardMessage: vi.fn(() => false),
    upload: vi.fn(),
    download: vi.fn(),
    attachmentUrl: vi.fn(() => ''),
    ...overrides,
  };
  return {
    client,
    subscribers,
    setState(next: Partial<VisitorState>) {
      state = { ...state, ...next };
      for (const s of subscribers) s(state);
    },
    emit<K extends keyof VisitorClientEvents>(name: K, payload: VisitorClientEvents[K]) {
      for (const l of listeners.get(name) ?? []) (l as (p: VisitorClientEvents[K]) => void)(payload);
    },
  };
}

const agentMessage = { authorKind: 'agent', text: 'hello' } as Message;
const visitorMessage = { authorKind: 'visitor', text: 'hi' } as Message;

describe('VisitorController', () => {
  it('connects the client while the host is connected and re-renders on store changes', () => {
    const host = new FakeHost();
    const controller = new VisitorController(host);
    const fake = fakeClient();
    controller.setClient(fake.client);
    expect(fake.client.connect).not.toHaveBeenCalled();

    host.connect();
    expect(fake.client.connect).toHaveBeenCalledOnce();
    const before = host.updates;
    fake.setState({ connection: 'reconnecting' });
    expect(controller.state.connection).toBe('reconnecting');
    expect(host.updates).toBe(before + 1);

    host.disconnect();
    expect(fake.client.disconnect).toHaveBeenCalledOnce();
    expect(fake.subscribers.size).toBe(0);
    fake.setState({ connection: 'connected' });
    expect(controller.state.connection).toBe('reconnecting');
  });

  it('reports only messages from others as received', () => {
    const host = new FakeHost();
    const onReceive = vi.fn();
    const controller = new VisitorController(host, { onReceive });
    const fake = fakeClient();
    host.connect();
    controller.setClient(fake.client);
    fake.emit('message:created', visitorMessage);
    fake.emit('message:created', agentMessage);
    expect(onReceive.mock.calls).toEqual([[agentMessage]]);
  });

  it('disconnects the old client when a new one replaces it', () => {
    const host = new FakeHost();
    const controller = new VisitorController(host);
    const first = fakeClient();
    const second = fakeClient();
    host.connect();
    controller.setClient(first.client);
    controller.setClient(second.client);
    expect(first.client.disconnect).toHaveBeenCalledOnce();
    expect(second.client.connect).toHaveBeenCalledOnce();
    controller.setClient(null);
    expect(second.client.disconnect).toHaveBeenCalledOnce();
    expect(controller.state).toBe(NO_VISITOR_STATE);
  });

  it('swallows a failure to connect: the store reports it', async () => {
    const host = new FakeHost();
    const controller = new VisitorController(host);
    const fake = fakeClient({
      connect: vi.fn(async () => Promise.reject(new SwitchboardError('network', 'down'))),
    });
    controller.setClient(fake.client);
    host.connect();
    await Promise.resolve();
    expect(fake.client.connect).toHaveBeenCalledOnce();
  });

  it('hands the client to a form, and throws without one so that the form says it failed', () => {
    const controller = new VisitorController(new FakeHost());
    expect(() => controller.requireClient()).toThrow('not configured');
    const fake = fakeClient();
    controller.setClient(fake.client);
    expect(controller.requireClient()).toBe(fake.client);
  });
});
