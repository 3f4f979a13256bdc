// DESIGN.md delivery guarantee 4 for the agent client, against the real server: gaps, reconnects
// socket.io can and cannot recover, and a token that expires under a connected client.
import type { Conversation, Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { agentSockets, dropTransports, missBroadcasts } from '../support/faults.js';
import { useServer } from '../support/sdk-fixture.js';
import { inboxMatchesServer, post, seedConversation } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

// The shortest lifetime the server allows, so a token can expire without the clock jumping far
// enough to fire the lifecycle timers (abandon, auto-resolve, agent offline).
const AGENT_TOKEN_TTL_SECONDS = 30;
const t = useServer({ SWITCHBOARD_AGENT_TOKEN_TTL: String(AGENT_TOKEN_TTL_SECONDS) });
const texts = (messages: readonly Message[] | undefined): string[] => (messages ?? []).map((m) => m.text);
const catchUpsOf = (conversationId: string) =>
  t.server.requests.filter((r) => r.startsWith(`GET /v1/conversations/${conversationId}/messages?afterSeq=`));

describe('reconnects', () => {
  it('re-syncs conversations and open message lists after a server restart', async () => {
    const open = await seedConversation(t.server.switchboard, 'hi');
    const other = await seedConversation(t.server.switchboard, 'bye');
    const agent = t.agent();
    await agent.connect();
    await agent.loadMessages(open.id);
    const created: string[] = [];
    agent.on('conversation:created', (c) => created.push(c.id));

    // Everything below happens while the server is down: no broadcast can reach the agent, and
    // the new process knows nothing of the old sockets, so socket.io cannot recover them.
    let brandNew: Conversation | undefined;
    await t.server.restart(async (app) => {
      await post(app, open.visitor, open.id, 'missed 1');
      await post(app, open.visitor, open.id, 'missed 2');
      await post(app, other.visitor, other.id, 'bye again');
      brandNew = await seedConversation(app);
    });
    const app = t.server.switchboard;

    await waitFor(() => agent.getSnapshot().messages[open.id]?.length === 3, 'the catch-up');
    await waitFor(() => agent.getSnapshot().conversations[brandNew!.id], 'the new conversation');
    expect(texts(agent.getSnapshot().messages[open.id])).toEqual(['hi', 'missed 1', 'missed 2']);
    // Statuses and seqs come back with the list, without loading the other history.
    await waitFor(
      () => inboxMatchesServer(app, agent, [open.id, other.id, brandNew!.id]),
      'the inbox to match the server',
    );
    expect(agent.getSnapshot().conversations[other.id]!.lastSeq).toBe(2);
    expect(agent.getSnapshot().messages[other.id]).toBeUndefined();
    expect(created).toEqual([brandNew!.id]);
    expect(catchUpsOf(open.id)).toEqual([`GET /v1/conversations/${open.id}/messages?afterSeq=1&limit=200`]);
    expect(agent.getSnapshot()).toMatchObject({ connection: 'connected', error: null });
  });

  it('skips the re-sync when socket.io recovered the session, and still misses nothing', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'hi');
    const agent = t.agent();
    await agent.connect();
    await agent.loadMessages(conversation.id);
    // Recovery needs a packet offset: let one broadcast through first.
    await post(app, conversation.visitor, conversation.id, 'before the drop');
    await waitFor(() => agent.getSnapshot().messages[conversation.id]?.length === 2, 'the first broadcast');
    const states: string[] = [];
    agent.on('connection:changed', (state) => states.push(state));
    const mark = t.server.requests.length;

    // The network drops and stays down while a message is written; socket.io buffers it.
    const release = t.server.holdConnections();
    dropTransports(agentSockets(t.server));
    await waitFor(() => agent.getSnapshot().connection === 'reconnecting', 'the drop to be noticed');
    await post(app, conversation.visitor, conversation.id, 'buffered by the server');
    release();

    await waitFor(() => agent.getSnapshot().messages[conversation.id]?.length === 3, 'the replay');
    await waitFor(() => agent.getSnapshot().connection === 'connected', 'the reconnect');
    expect(texts(agent.getSnapshot().messages[conversation.id])).toEqual([
      'hi',
      'before the drop',
      'buffered by the server',
    ]);
    expect(states).toEqual(['reconnecting', 'connected']);
    // No list, no catch-up: the replay alone brought the message.
    expect(t.server.requests.slice(mark).filter((r) => r.includes('/v1/conversations'))).toEqual([]);
  });

  it('fills a seq gap from the server', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'one');
    const agent = t.agent();
    await agent.connect();
    await agent.loadMessages(conversation.id);

    const restore = missBroadcasts(agentSockets(t.server)[0]!);
    await post(app, conversation.visitor, conversation.id, 'two');
    restore();
    await post(app, conversation.visitor, conversation.id, 'three');

    await waitFor(() => agent.getSnapshot().messages[conversation.id]?.length === 3, 'the gap fill');
    expect(texts(agent.getSnapshot().messages[conversation.id])).toEqual(['one', 'two', 'three']);
    expect(catchUpsOf(conversation.id)).toEqual([
      `GET /v1/conversations/${conversation.id}/messages?afterSeq=1&limit=200`,
    ]);
  });

  it('logs in again when its token expires, handing the new session to onSession', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'hi');
    const tokens: string[] = [];
    const agent = t.agent({ onSession: (session) => tokens.push(session.token) });
    await agent.connect();

    // Past the agent token's lifetime, then the network blips.
    t.server.advanceTime(AGENT_TOKEN_TTL_SECONDS * 1000 + 1000);
    await expect(app.services.sessions.authenticate(tokens[0])).rejects.toMatchObject({
      code: 'unauthorized',
    });
    dropTransports(agentSockets(t.server));

    await waitFor(() => tokens.length === 2, 'the re-login');
    await waitFor(() => agent.getSnapshot().connection === 'connected', 'the reconnect');
    await expect(agent.sendMessage(conversation.id, 'back')).resolves.toMatchObject({ text: 'back', seq: 2 });
    expect(agent.getSnapshot().error).toBeNull();
    expect(t.server.requests.filter((r) => r === 'POST /v1/agent/sessions')).toHaveLength(2);
    await expect(app.services.sessions.authenticate(tokens[1])).resolves.toMatchObject({ kind: 'agent' });
  });
});
