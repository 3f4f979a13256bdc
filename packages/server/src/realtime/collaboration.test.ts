// Agents working together on the real server (socket.io and a SQLite file): internal notes and
// @mentions, tags and labels. What is agents' business never reaches the visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ulid,
  type Conversation,
  type Label,
  type Mention,
  type MentionPage,
  type MentionsRead,
  type Message,
  type MessagePage,
  type TimelineEvent,
} from '@switchboard/protocol';
import {
  nextEvent,
  startHarness,
  type AgentSocket,
  type Harness,
  type VisitorSocket,
} from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function visitorWithConversation(): Promise<{
  socket: VisitorSocket;
  token: string;
  conversation: Conversation;
}> {
  const session = await h.visitorSession();
  const socket = await h.visitorSocket(session.token);
  const ack = await socket.emitWithAck('conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { socket, token: session.token, conversation: ack.data };
}

/** Everything a socket is sent, by event name, from now on. */
function record(socket: VisitorSocket | AgentSocket): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

function ok<T>(ack: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

async function timeline(conversationId: string, token: string): Promise<TimelineEvent[]> {
  return (await h.get<TimelineEvent[]>(`/v1/conversations/${conversationId}/timeline`, token)).body;
}

describe('internal notes', () => {
  it('reach agents, and never the visitor’s socket, history or conversation list', async () => {
    const { socket: visitor, token: visitorToken, conversation } = await visitorWithConversation();
    const agentToken = (await h.createAgent()).token;
    const agent = await h.agentSocket(agentToken);
    const visitorSaw = record(visitor);
    const agentHeard = nextEvent<Message>(agent, 'message:created');

    const note = ok(
      await agent.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMessageId: ulid(),
        text: 'Careful: this customer asked for a refund twice',
        kind: 'note',
      }),
    );
    expect(note).toMatchObject({ kind: 'note', authorKind: 'agent' });
    expect(await agentHeard).toEqual(note);
    // A visitor message after the note: the visitor's socket is live, and hears that one only.
    const reply = ok(
      await visitor.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMessageId: ulid(),
        text: 'Hello?',
      }),
    );
    await settle();
    expect(JSON.stringify(visitorSaw)).not.toContain('refund');
    expect(visitorSaw.filter((e) => e.event === 'message:created').map((e) => e.payload)).toEqual([reply]);

    const history = await h.get<MessagePage>(`/v1/conversations/${conversation.id}/messages`, visitorToken);
    expect(history.body.items.map((m) => m.text)).toEqual(['Hello?']);
    const after = await h.get<MessagePage>(
      `/v1/conversations/${conversation.id}/messages?afterSeq=0`,
      visitorToken,
    );
    expect(after.body.items.map((m) => m.kind)).toEqual(['text']);
    const agents = await h.get<MessagePage>(`/v1/conversations/${conversation.id}/messages`, agentToken);
    expect(agents.body.items.map((m) => m.kind)).toEqual(['note', 'text']);
  });
});

describe('@mentions', () => {
  it('are resolved to agents, stored, and told to the mentioned agent’s consoles only', async () => {
    const { conversation } = await visitorWithConversation();
    const author = await h.createAgent();
    const mentioned = await h.createAgent();
    const bystander = await h.createAgent();
    const authorSocket = await h.agentSocket(author.token);
    const [firstTab, secondTab] = [
      await h.agentSocket(mentioned.token),
      await h.agentSocket(mentioned.token),
    ];
    const bystanderSocket = await h.agentSocket(bystander.token);
    const authorSaw = record(authorSocket);
    const bystanderSaw = record(bystanderSocket);
    const heard = [
      nextEvent<Mention>(firstTab, 'mention:created'),
      nextEvent<Mention>(secondTab, 'mention:created'),
    ];

    // The handle is the name run together ("Agent 2" → @agent2); the author's own is ignored.
    const handle = mentioned.agent.name.replace(/\s+/g, '').toLowerCase();
    const selfHandle = author.agent.name.replace(/\s+/g, '').toLowerCase();
    const text = `@${handle}, can you check the invoice? cc @${selfHandle} and mail@example.com`;
    const note = ok(
      await authorSocket.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMessageId: ulid(),
        text,
        kind: 'note',
      }),
    );
    const [first, second] = await Promise.all(heard);
    expect(first).toEqual(second);
    expect(first).toMatchObject({
      conversationId: conversation.id,
      messageId: note.id,
      agentId: mentioned.agent.id,
      authorId: author.agent.id,
      text,
      readAt: null,
    });
    await settle();
    expect(authorSaw.filter((e) => e.event === 'mention:created')).toEqual([]);
    expect(bystanderSaw.filter((e) => e.event === 'mention:created')).toEqual([]);

    // A retry of the same note mentions nobody twice.
    const again = ok(
      await authorSocket.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMessageId: note.clientMessageId,
        text,
        kind: 'note',
      }),
    );
    expect(again).toEqual(note);
    const list = await h.get<MentionPage>('/v1/mentions', mentioned.token);
    expect(list.body).toEqual({ items: [first], nextCursor: null });
    expect((await h.get<MentionPage>('/v1/mentions', bystander.token)).body.items).toEqual([]);
    // Mentions in plain replies do not count: the visitor would read them.
    expect((await h.get<MentionPage>('/v1/mentions', author.token)).body.items).toEqual([]);

    // Reading them on one console tells the other.
    const otherTab = nextEvent<MentionsRead>(secondTab, 'mentions:read');
    const read = ok(await firstTab.emitWithAck('mentions:read', { conversationId: conversation.id }));
    expect(read.mentionIds).toEqual([first!.id]);
    expect(await otherTab).toEqual(read);
    // Someone else's mentions cannot be marked, and marking again changes nothing.
    expect(
      ok(await bystanderSocket.emitWithAck('mentions:read', { mentionIds: [first!.id] })).mentionIds,
    ).toEqual([]);
    expect(ok(await firstTab.emitWithAck('mentions:read', { mentionIds: [first!.id] })).mentionIds).toEqual(
      [],
    );
    const unread = await h.get<MentionPage>('/v1/mentions?unread=true', mentioned.token);
    expect(unread.body.items).toEqual([]);
    const all = await h.get<MentionPage>('/v1/mentions', mentioned.token);
    expect(all.body.items[0]?.readAt).toBe(read.readAt);
  });

  it('page newest first, and refuse visitors and bad queries', async () => {
    const { conversation } = await visitorWithConversation();
    const author = await h.agentSocket((await h.createAgent()).token);
    const target = await h.createAgent();
    const handle = target.agent.name.replace(/\s+/g, '').toLowerCase();
    for (const n of [1, 2, 3]) {
      // Apart in time, so that the order is theirs and not a tie broken by id.
      await new Promise((resolve) => setTimeout(resolve, 5));
      ok(
        await author.emitWithAck('message:send', {
          conversationId: conversation.id,
          clientMessageId: ulid(),
          text: `note ${n} for @${handle}`,
          kind: 'note',
        }),
      );
    }
    const first = await h.get<MentionPage>('/v1/mentions?limit=2', target.token);
    expect(first.body.items.map((m) => m.text)).toEqual([`note 3 for @${handle}`, `note 2 for @${handle}`]);
    const rest = await h.get<MentionPage>(
      `/v1/mentions?limit=2&cursor=${first.body.nextCursor}`,
      target.token,
    );
    expect(rest.body).toMatchObject({ items: [{ text: `note 1 for @${handle}` }], nextCursor: null });
    const visitor = await h.visitorSession();
    expect((await h.get('/v1/mentions', visitor.token)).status).toBe(403);
    expect((await h.get('/v1/mentions?limit=0', target.token)).status).toBe(400);
  });
});

describe('tags', () => {
  it('are normalised, shared with every agent live, recorded, and never shown to the visitor', async () => {
    const { socket: visitor, token: visitorToken, conversation } = await visitorWithConversation();
    const agentToken = (await h.createAgent()).token;
    const agent = await h.agentSocket(agentToken);
    const colleague = await h.agentSocket((await h.createAgent()).token);
    const visitorSaw = record(visitor);
    const colleagueHeard = nextEvent<Conversation>(colleague, 'conversation:updated');

    const tagged = ok(
      await agent.emitWithAck('conversation:add_tags', {
        conversationId: conversation.id,
        tags: [' #VIP ', 'Billing   Issue', 'vip'],
      }),
    );
    expect(tagged.tags).toEqual(['vip', 'billing issue']);
    expect(await colleagueHeard).toEqual(tagged);

    // Adding what is there changes nothing and announces nothing.
    const colleagueSaw = record(colleague);
    expect(
      ok(
        await agent.emitWithAck('conversation:add_tags', { conversationId: conversation.id, tags: ['VIP'] }),
      ),
    ).toEqual(tagged);
    const untagged = ok(
      await agent.emitWithAck('conversation:remove_tags', {
        conversationId: conversation.id,
        tags: ['vip', 'nope'],
      }),
    );
    expect(untagged.tags).toEqual(['billing issue']);
    await settle();
    expect(colleagueSaw.map((e) => e.event)).toEqual(['conversation:updated']);
    expect(visitorSaw).toEqual([]);

    const events = await timeline(conversation.id, agentToken);
    expect(
      events.filter((e) => e.type.startsWith('tag_')).map((e) => [e.type, e.data['tag'], e.actorKind]),
    ).toEqual(
      expect.arrayContaining([
        ['tag_added', 'vip', 'agent'],
        ['tag_added', 'billing issue', 'agent'],
        ['tag_removed', 'vip', 'agent'],
      ]),
    );
    expect(events.filter((e) => e.type.startsWith('tag_'))).toHaveLength(3);

    // The visitor's own reads leave them out.
    const seen = await h.get<Conversation>(`/v1/conversations/${conversation.id}`, visitorToken);
    expect(seen.body.tags).toEqual([]);
    const joined = ok(await visitor.emitWithAck('conversation:join', { conversationId: conversation.id }));
    expect(joined.tags).toEqual([]);
    expect((await h.get<Conversation>(`/v1/conversations/${conversation.id}`, agentToken)).body.tags).toEqual(
      ['billing issue'],
    );
  });

  it('refuses blank, overlong and too many tags, visitors, and unknown conversations', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const agent = await h.agentSocket((await h.createAgent()).token);
    const add = (tags: string[], conversationId = conversation.id) =>
      agent.emitWithAck('conversation:add_tags', { conversationId, tags });
    expect(await add(['  '])).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await add(['x'.repeat(41)])).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await add(['a,b'])).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await add([])).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await add(['x'], 'missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    ok(await add(Array.from({ length: 20 }, (_, i) => `tag ${i}`)));
    expect(await add(['one too many'])).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const stored = await h.switchboard.store.conversations.byId(conversation.id);
    expect(stored?.tags).toHaveLength(20);
    // Visitors have no such event: the gateway does not listen for it.
    const visitorSocket = visitor as unknown as AgentSocket;
    const noAnswer = visitorSocket.timeout(300).emitWithAck('conversation:add_tags', {
      conversationId: conversation.id,
      tags: ['x'],
    });
    await expect(noAnswer).rejects.toThrow();
  });
});

describe('labels', () => {
  it('start with the defaults, take custom ones, and go on conversations of their site only', async () => {
    const { socket: visitor, conversation } = await visitorWithConversation();
    const agentToken = (await h.createAgent()).token;
    const agent = await h.agentSocket(agentToken);
    const visitorSaw = record(visitor);

    const defaults = (await h.get<Label[]>(`/v1/labels?siteId=${conversation.siteId}`, agentToken)).body;
    expect(defaults.map((l) => [l.key, l.name])).toEqual([
      ['follow_up_required', 'Follow-up required'],
      ['escalated', 'Escalated'],
      ['bug_report', 'Bug report'],
      ['feature_request', 'Feature request'],
    ]);

    const announced = nextEvent<Label>(agent, 'label:created');
    const created = await h.send<Label>(
      'POST',
      '/v1/labels',
      { siteId: conversation.siteId, name: 'Churn risk', color: '#AA00FF' },
      agentToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: null, name: 'Churn risk', color: '#aa00ff' });
    expect(await announced).toEqual(created.body);
    const duplicate = await h.send(
      'POST',
      '/v1/labels',
      { siteId: conversation.siteId, name: ' churn RISK ', color: '#000000' },
      agentToken,
    );
    expect(duplicate.status).toBe(409);
    const badColour = await h.send(
      'POST',
      '/v1/labels',
      { siteId: conversation.siteId, name: 'Red', color: 'red' },
      agentToken,
    );
    expect(badColour.status).toBe(400);

    const escalated = defaults.find((l) => l.key === 'escalated')!;
    ok(
      await agent.emitWithAck('conversation:add_label', {
        conversationId: conversation.id,
        labelId: escalated.id,
      }),
    );
    const labelled = ok(
      await agent.emitWithAck('conversation:add_label', {
        conversationId: conversation.id,
        labelId: created.body.id,
      }),
    );
    expect(labelled.labelIds).toEqual([escalated.id, created.body.id]);
    const removed = ok(
      await agent.emitWithAck('conversation:remove_label', {
        conversationId: conversation.id,
        labelId: escalated.id,
      }),
    );
    expect(removed.labelIds).toEqual([created.body.id]);

    // Another site's label is not this conversation's to take.
    const other = await h.switchboard.store.sites.create({
      name: 'Other',
      siteKey: 'pk_other_labels',
      identitySecret: 'x'.repeat(32),
      identityVerification: 'off',
      allowedOrigins: [],
    });
    const [foreign] = await h.switchboard.store.labels.list(other.id);
    expect(
      await agent.emitWithAck('conversation:add_label', {
        conversationId: conversation.id,
        labelId: foreign!.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Renamed and recoloured, live.
    const renamed = nextEvent<Label>(agent, 'label:updated');
    const patched = await h.send<Label>(
      'PATCH',
      `/v1/labels/${escalated.id}`,
      { color: '#FF0000' },
      agentToken,
    );
    expect(patched.body).toMatchObject({ key: 'escalated', name: 'Escalated', color: '#ff0000' });
    expect(await renamed).toEqual(patched.body);

    const events = await timeline(conversation.id, agentToken);
    expect(events.filter((e) => e.type.startsWith('label_')).map((e) => [e.type, e.data['name']])).toEqual(
      expect.arrayContaining([
        ['label_added', 'Escalated'],
        ['label_added', 'Churn risk'],
        ['label_removed', 'Escalated'],
      ]),
    );
    await settle();
    expect(visitorSaw).toEqual([]);
    const visitorToken = (await h.visitorSession()).token;
    expect((await h.get('/v1/labels', visitorToken)).status).toBe(403);
  });
});
