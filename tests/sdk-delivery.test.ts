// DESIGN.md's delivery guarantees, end to end: SDK clients over real sockets to the real server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ulid,
  type Message,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@switchboard/protocol';
import type { AgentClient, VisitorClient } from '@switchboard/agent-sdk';
import { DEMO } from '@switchboard/server';
import { io, type Socket } from 'socket.io-client';
import { agentClient, memoryStorage, visitorClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
const cleanups: (() => void)[] = [];
const track = <T extends { disconnect(): void }>(client: T) => (
  cleanups.push(() => client.disconnect()),
  client
);

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(() => server.close());

const messagesOf = (agent: AgentClient, conversationId: string) =>
  agent.getSnapshot().messages[conversationId] ?? [];

async function connectedPair(): Promise<{
  agent: AgentClient;
  visitor: VisitorClient;
  conversationId: string;
}> {
  const agent = track(agentClient(server.url));
  await agent.connect();
  const visitor = track(visitorClient(server.url));
  const conversation = await visitor.startConversation();
  return { agent, visitor, conversationId: conversation.id };
}

describe('agent client catch-up', () => {
  it('sees all five messages sent while it was disconnected, exactly once and in seq order', async () => {
    const { agent, visitor, conversationId } = await connectedPair();
    await visitor.sendMessage('before the outage');
    await waitFor(() => messagesOf(agent, conversationId).length === 1, 'the first message');

    agent.disconnect();
    for (let i = 1; i <= 5; i++) await visitor.sendMessage(`while away ${i}`);
    await agent.connect();

    const messages = await waitFor(() => {
      const list = messagesOf(agent, conversationId);
      return list.length >= 6 ? list : undefined;
    }, 'the catch-up');
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(messages.slice(1).map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((i) => `while away ${i}`));
  });

  it('catches up after the network drops under it (transport closed by the server side)', async () => {
    const { agent, visitor, conversationId } = await connectedPair();
    await visitor.sendMessage('hello');
    await waitFor(() => messagesOf(agent, conversationId).length === 1, 'the first message');
    const seen: Message[] = [];
    agent.on('message:created', (m) => m.conversationId === conversationId && seen.push(m));

    // Kill the agent's underlying connection without a clean disconnect, as a flaky network would.
    for (const socket of server.switchboard.io.of('/agent').sockets.values()) socket.conn.close();
    await waitFor(() => agent.getSnapshot().connection !== 'connected', 'the drop to be noticed');
    for (let i = 1; i <= 5; i++) await visitor.sendMessage(`during the drop ${i}`);

    await waitFor(() => agent.getSnapshot().connection === 'connected', 'the reconnect');
    const messages = await waitFor(() => {
      const list = messagesOf(agent, conversationId);
      return list.length >= 6 ? list : undefined;
    }, 'the catch-up');
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each message surfaced as an event once, whichever path (recovery or resync) brought it.
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('idempotent sends', () => {
  it('stores one message for three sends of one clientMessageId (one across a forced disconnect), with identical acks', async () => {
    const agent = track(agentClient(server.url));
    await agent.connect();
    const session = (await (
      await fetch(`${server.url}/v1/visitor/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: DEMO.siteKey }),
      })
    ).json()) as { token: string };
    const open = () =>
      new Promise<Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>>((resolve, reject) => {
        const socket: Socket<VisitorServerToClientEvents, VisitorClientToServerEvents> = io(
          `${server.url}/visitor`,
          {
            auth: { token: session.token },
            transports: ['websocket'],
            forceNew: true,
          },
        );
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    let socket = await open();
    const started = await socket.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error(started.error.message);
    const payload = { conversationId: started.data.id, clientMessageId: ulid(), text: 'exactly once' };

    const acks = [
      await socket.emitWithAck('message:send', payload),
      await socket.emitWithAck('message:send', payload),
    ];
    socket.disconnect();
    socket = await open();
    acks.push(await socket.emitWithAck('message:send', payload));
    socket.disconnect();

    expect(acks[0]).toMatchObject({ ok: true, data: { seq: 1, clientMessageId: payload.clientMessageId } });
    expect(acks[1]).toEqual(acks[0]);
    expect(acks[2]).toEqual(acks[0]);
    await waitFor(() => messagesOf(agent, started.data.id).length === 1, 'the agent to receive it');
    await new Promise((r) => setTimeout(r, 300));
    expect(messagesOf(agent, started.data.id)).toHaveLength(1);
    const history = await agent.loadMessages(started.data.id, { afterSeq: 0 });
    expect(history.map((m) => m.text)).toEqual(['exactly once']);
  });
});

describe('visitor client', () => {
  it('touches neither the server nor storage until the visitor writes', async () => {
    const storage = memoryStorage();
    const mark = server.requests.length;
    const visitor = track(visitorClient(server.url, storage));
    await visitor.connect();
    expect(visitor.getSnapshot().connection).toBe('idle');
    expect(server.requests.slice(mark)).toEqual([]);
    expect(storage.writes).toEqual([]);
  });

  it('keeps its conversation across a reload and receives agent replies live', async () => {
    const storage = memoryStorage();
    const agent = track(agentClient(server.url));
    await agent.connect();
    const first = track(visitorClient(server.url, storage));
    const sent = await first.sendMessage('Do you ship to Lisbon?');
    await waitFor(() => messagesOf(agent, sent.conversationId).length === 1, 'the agent to see it');
    await agent.sendMessage(sent.conversationId, 'Yes, in 3 days.');
    await waitFor(() => first.getSnapshot().messages.length === 2, 'the reply');
    first.disconnect();

    const reloaded = track(visitorClient(server.url, storage));
    await reloaded.connect();
    const state = await waitFor(() => {
      const s = reloaded.getSnapshot();
      return s.messages.length === 2 ? s : undefined;
    }, 'history after reload');
    expect(state.conversation?.id).toBe(sent.conversationId);
    expect(state.messages.map((m) => [m.authorKind, m.text])).toEqual([
      ['visitor', 'Do you ship to Lisbon?'],
      ['agent', 'Yes, in 3 days.'],
    ]);
  });

  it('never shows internal notes to the visitor', async () => {
    const { agent, visitor, conversationId } = await connectedPair();
    await visitor.sendMessage('hi');
    await agent.sendMessage(conversationId, 'internal: check order #1234', { kind: 'note' });
    await agent.sendMessage(conversationId, 'Hello! Looking into it.');
    await waitFor(() => visitor.getSnapshot().messages.length === 2, 'the reply');
    await new Promise((r) => setTimeout(r, 200));
    expect(visitor.getSnapshot().messages.map((m) => m.text)).toEqual(['hi', 'Hello! Looking into it.']);
    expect(messagesOf(agent, conversationId).map((m) => m.kind)).toEqual(['text', 'note', 'text']);
  });
});
