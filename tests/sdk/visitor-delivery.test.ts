// DESIGN.md's delivery guarantees for the visitor client, against the real server: live replies,
// gaps, reconnects socket.io cannot recover, expired tokens, lost acks and paging back.
import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../support/clients.js';
import {
  dropTransports,
  loseAcks,
  missBroadcasts,
  visitorSocketOf,
  visitorSockets,
} from '../support/faults.js';
import { useServer } from '../support/sdk-fixture.js';
import { demoAgent, post, stored, storedMessages } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

// The shortest lifetime the server allows, so a token can expire without the clock jumping far
// enough to fire the lifecycle timers (abandon, auto-resolve).
const VISITOR_TOKEN_TTL_SECONDS = 30;
const t = useServer({ SWITCHBOARD_VISITOR_TOKEN_TTL: String(VISITOR_TOKEN_TTL_SECONDS) });
const texts = (messages: readonly Message[]): string[] => messages.map((m) => m.text);
const posts = (): string[] => t.server.requests.filter((r) => r.startsWith('POST'));

describe('live', () => {
  it('receives agent replies as they happen, but never their notes', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor();
    const mine = await visitor.sendMessage('Hi');
    const agent = await demoAgent(app);
    const received: string[] = [];
    visitor.on('message:created', (m) => received.push(m.text));

    await post(app, agent, mine.conversationId, 'internal: check their order', 'note');
    await post(app, agent, mine.conversationId, 'Agent here');
    await waitFor(() => visitor.getSnapshot().messages.length === 2, 'the reply');
    expect(texts(visitor.getSnapshot().messages)).toEqual(['Hi', 'Agent here']);
    expect(received).toEqual(['Agent here']);
    // The note took seq 2: the visitor cannot tell that hole from a lost message, so it asks
    // (afterSeq=1) and the server's answer, without the note, settles it.
    expect(visitor.getSnapshot().messages.map((m) => m.seq)).toEqual([1, 3]);
    expect(visitor.getSnapshot().conversation?.lastSeq).toBe(3);
  });

  it('fetches what a seq gap shows it missed', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor();
    const mine = await visitor.sendMessage('Hi');
    const agent = await demoAgent(app);

    const restore = missBroadcasts(visitorSocketOf(t.server, mine.authorId ?? undefined));
    await post(app, agent, mine.conversationId, 'lost in transit');
    restore();
    await post(app, agent, mine.conversationId, 'arrives');

    await waitFor(() => visitor.getSnapshot().messages.length === 3, 'the gap fill');
    expect(texts(visitor.getSnapshot().messages)).toEqual(['Hi', 'lost in transit', 'arrives']);
    expect(t.server.requests).toContain(
      `GET /v1/conversations/${mine.conversationId}/messages?afterSeq=1&limit=200`,
    );
  });

  it('re-syncs after the server ends its session, so socket.io cannot recover it', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor();
    const mine = await visitor.sendMessage('Hi');
    const agent = await demoAgent(app);
    const states: string[] = [];
    visitor.on('connection:changed', (s) => states.push(s));

    // The server kicks the socket; while it cannot get back in, the agent replies.
    const release = t.server.holdConnections();
    visitorSocketOf(t.server, mine.authorId ?? undefined).disconnect();
    await waitFor(() => visitor.getSnapshot().connection === 'reconnecting', 'the kick to be noticed');
    await post(app, agent, mine.conversationId, 'while you were away');
    release();

    await waitFor(() => visitor.getSnapshot().messages.length === 2, 'the re-sync');
    expect(texts(visitor.getSnapshot().messages)).toEqual(['Hi', 'while you were away']);
    expect(visitor.getSnapshot().conversation).toEqual(await stored(app, mine.conversationId));
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(t.server.requests).toContain(
      `GET /v1/conversations/${mine.conversationId}/messages?afterSeq=1&limit=200`,
    );

    // The room was re-joined: live messages flow again.
    await post(app, agent, mine.conversationId, 'live again');
    await waitFor(() => visitor.getSnapshot().messages.length === 3, 'a live message after the re-sync');
    expect(visitorSockets(t.server)).toHaveLength(1);
  });

  it('renews an expired token from the resume credential and carries on', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor();
    const mine = await visitor.sendMessage('Hi');
    const contactId = visitor.getSnapshot().contact?.id;

    // Past the visitor token's lifetime, then the network blips.
    t.server.advanceTime(VISITOR_TOKEN_TTL_SECONDS * 1000 + 1000);
    dropTransports(visitorSockets(t.server));

    await waitFor(() => posts().length === 2, 'the session renewal');
    await waitFor(() => visitor.getSnapshot().connection === 'connected', 'the reconnect');
    expect(visitor.getSnapshot().contact?.id).toBe(contactId);
    const next = await visitor.sendMessage('Still me');
    expect(next).toMatchObject({ conversationId: mine.conversationId, authorId: contactId, seq: 2 });
    expect(visitor.getSnapshot().error).toBeNull();
    expect(texts(await storedMessages(app, mine.conversationId))).toEqual(['Hi', 'Still me']);
  });

  it('retries a send whose ack was lost with the same id, and holds one copy', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor(memoryStorage(), { ackTimeoutMs: 1000 });
    const conversation = await visitor.startConversation();
    const socket = visitorSocketOf(t.server, conversation.contactId);
    const sends = loseAcks(socket, 'message:send');
    // Without its own broadcast, only the retry can settle the send.
    missBroadcasts(socket);

    const message = await visitor.sendMessage('Are you there?');
    expect(sends).toEqual([
      { conversationId: conversation.id, clientMessageId: message.clientMessageId, text: 'Are you there?' },
      { conversationId: conversation.id, clientMessageId: message.clientMessageId, text: 'Are you there?' },
    ]);
    expect(await storedMessages(app, conversation.id)).toEqual([message]);
    expect(visitor.getSnapshot().messages).toEqual([message]);
    expect(visitor.getSnapshot().pending).toEqual([]);
  });
});

describe('history', () => {
  it('loads older messages page by page', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const first = t.visitor(storage);
    const mine = await first.sendMessage('message 1');
    first.disconnect();
    const agent = await demoAgent(app);
    for (let i = 2; i <= 60; i++) await post(app, agent, mine.conversationId, `message ${i}`);

    const visitor = t.visitor(storage);
    await visitor.connect();
    expect(visitor.getSnapshot().messages).toHaveLength(50);
    expect(visitor.getSnapshot().messages[0]!.seq).toBe(11);
    expect(visitor.getSnapshot().hasOlder).toBe(true);

    await expect(visitor.loadOlder()).resolves.toBe(true);
    expect(visitor.getSnapshot().messages).toEqual(await storedMessages(app, mine.conversationId));
    expect(visitor.getSnapshot().messages.map((m) => m.seq)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect(visitor.getSnapshot().hasOlder).toBe(false);
    await expect(visitor.loadOlder()).resolves.toBe(false);
  });
});
