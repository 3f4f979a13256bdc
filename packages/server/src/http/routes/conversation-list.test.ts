// `GET /v1/conversations` views, filters and search against a real SQLite file, checked against
// the protocol's `matchesConversationFilter`, which the SDK's live views use on the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  matchesConversationFilter,
  ulid,
  type AgentSession,
  type Conversation,
  type ConversationFilterFields,
  type ConversationPage,
  type VisitorSession,
} from '@switchboard/protocol';
import { DEMO } from '../../services/demo-seed.js';
import { startHarness, type AgentSocket, type Harness } from '../../test-support/harness.js';

let h: Harness;
let me: AgentSession;
let other: AgentSession;
let agentSocket: AgentSocket;
/** By name: Ada (active, mine, urgent), Grace (queued), Linus (resolved), Edsger (active, the other agent's). */
const c: Record<string, Conversation> = {};
const v: Record<string, VisitorSession> = {};

async function visitor(name: string, email: string, phone: string, text: string) {
  const { status, body } = await h.post<VisitorSession>('/v1/visitor/sessions', {
    siteKey: DEMO.siteKey,
    identity: { userId: `u-${name}`, name, email, phone },
  });
  if (status !== 201) throw new Error(`session ${status}`);
  const socket = await h.visitorSocket(body.token);
  const started = await socket.emitWithAck('conversation:start', {});
  if (!started.ok) throw new Error('start failed');
  await socket.emitWithAck('message:send', {
    conversationId: started.data.id,
    clientMessageId: ulid(),
    text,
  });
  v[name] = body;
  return started.data;
}

async function list(query: string, token = me.token) {
  const { status, body } = await h.get<ConversationPage>(`/v1/conversations?limit=100&${query}`, token);
  expect(status).toBe(200);
  return body.items;
}
const names = (items: Conversation[]) =>
  Object.keys(c)
    .filter((name) => items.some((item) => item.id === c[name]!.id))
    .sort();

beforeAll(async () => {
  h = await startHarness();
  // A manual queue, and every conversation moved into it before any agent connects: routing
  // assigns nothing, and each test's state is the one written here.
  const site = await h.switchboard.store.sites.byKey(DEMO.siteKey);
  if (!site) throw new Error('no demo site');
  const queue = await h.switchboard.store.queues.create({
    siteId: site.id,
    name: 'manual',
    strategy: 'manual',
    isDefault: false,
  });
  c.Ada = await visitor('Ada', 'ada@example.com', '+1 (555) 010-4477', 'My order 100% arrived broken');
  c.Grace = await visitor('Grace', 'grace@navy.example', '+44 20 7946 0018', 'Where is my parcel?');
  c.Linus = await visitor('Linus', 'linus@example.org', '555 0199', 'Refund please');
  c.Edsger = await visitor('Edsger', 'edsger@example.nl', '', 'Goto considered harmful');
  for (const conversation of Object.values(c)) {
    await h.switchboard.store.conversations.transition({
      conversationId: conversation.id,
      expect: {},
      set: { status: 'queued', assigneeId: null, queueId: queue.id, queuedAt: Date.now() },
      event: { type: 'queued', actorKind: 'system', actorId: null },
    });
  }

  me = await h.agentSession();
  await h.switchboard.store.queues.addMember(queue.id, me.agent.id);
  other = await h.createAgent({ queueIds: [queue.id] });
  agentSocket = await h.agentSocket(me.token);
  const otherSocket = await h.agentSocket(other.token);

  const accept = async (socket: AgentSocket, id: string) => {
    const result = await socket.emitWithAck('conversation:accept', { conversationId: id });
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };
  c.Ada = await accept(agentSocket, c.Ada.id);
  const urgent = await agentSocket.emitWithAck('conversation:set_priority', {
    conversationId: c.Ada.id,
    priority: 'urgent',
  });
  if (urgent.ok) c.Ada = urgent.data;
  c.Linus = await accept(agentSocket, c.Linus.id);
  const resolved = await agentSocket.emitWithAck('conversation:resolve', {
    conversationId: c.Linus.id,
    reason: 'solved',
  });
  if (!resolved.ok) throw new Error(resolved.error.message);
  c.Linus = resolved.data;
  c.Edsger = await accept(otherSocket, c.Edsger.id);
  // An internal note on Grace's conversation: agents may find it, Grace never.
  await agentSocket.emitWithAck('message:send', {
    conversationId: c.Grace.id,
    clientMessageId: ulid(),
    text: 'VIP customer, escalate',
    kind: 'note',
  });
  // Fresh copies: the note and the sends moved `updatedAt`.
  for (const name of Object.keys(c))
    c[name] = (await h.get<Conversation>(`/v1/conversations/${c[name]!.id}`, me.token)).body;
});
afterAll(() => h.close());

describe('views', () => {
  it.each([
    ['mine', ['Ada']],
    ['queued', ['Grace']],
    ['bot', []],
    ['all', ['Ada', 'Edsger', 'Grace']],
    ['closed', ['Linus']],
  ] as const)('view=%s lists %o', async (view, expected) => {
    expect(names(await list(`view=${view}`))).toEqual(expected);
  });

  it("is another agent's own `mine`", async () => {
    expect(names(await list('view=mine', other.token))).toEqual(['Edsger']);
  });
});

describe('filters', () => {
  it.each([
    ['priority=urgent', { priority: 'urgent' }],
    ['status=active', { status: 'active' }],
    ['channel=web', { channel: 'web' }],
    ['channel=email', { channel: 'email' }],
    ['view=all&priority=normal', { view: 'all', priority: 'normal' }],
  ] as [string, ConversationFilterFields][])(
    '%s gives what matchesConversationFilter says',
    async (query, filter) => {
      const expected = Object.values(c).filter((conversation) =>
        matchesConversationFilter(conversation, filter, me.agent.id),
      );
      expect(names(await list(query))).toEqual(names(expected));
    },
  );

  it('filters by assignee and queue', async () => {
    expect(names(await list(`assigneeId=${other.agent.id}`))).toEqual(['Edsger']);
    expect(names(await list(`queueId=${c.Grace!.queueId}`))).toEqual(['Ada', 'Edsger', 'Grace', 'Linus']);
    expect(await list('queueId=nope')).toEqual([]);
  });

  it('filters by creation date, from inclusive and to exclusive', async () => {
    const from = encodeURIComponent(c.Grace!.createdAt);
    const to = encodeURIComponent(c.Edsger!.createdAt);
    expect(names(await list(`createdFrom=${from}&createdTo=${to}`))).toEqual(['Grace', 'Linus']);
    expect(await list(`createdTo=${encodeURIComponent(c.Ada!.createdAt)}`)).toEqual([]);
  });

  it('refuses a bad filter with 400 and a code', async () => {
    for (const query of ['view=archive', 'priority=asap', 'createdFrom=monday', 'q=', 'colour=red']) {
      const { status, body } = await h.get<{ error: { code: string; message: string } }>(
        `/v1/conversations?${query}`,
        me.token,
      );
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('invalid_payload');
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });

  it('pages a filtered list without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: ConversationPage } = await h.get<ConversationPage>(
        `/v1/conversations?view=all&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        me.token,
      );
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await list('view=all')).map((item) => item.id));
  });
});

describe('tags and labels', () => {
  it('filters by a tag (compared normalised) and by a label, for agents only', async () => {
    const tagged = await agentSocket.emitWithAck('conversation:add_tags', {
      conversationId: c.Ada!.id,
      tags: ['VIP', 'billing'],
    });
    if (!tagged.ok) throw new Error(tagged.error.message);
    const { body: labels } = await h.get<{ id: string; siteId: string }[]>('/v1/labels', me.token);
    const label = labels.find((candidate) => candidate.siteId === c.Grace!.siteId);
    if (!label) throw new Error('no label');
    const labelled = await agentSocket.emitWithAck('conversation:add_label', {
      conversationId: c.Grace!.id,
      labelId: label.id,
    });
    if (!labelled.ok) throw new Error(labelled.error.message);

    expect(names(await list('tag=vip'))).toEqual(['Ada']);
    expect(names(await list(`tag=${encodeURIComponent(' #VIP ')}`))).toEqual(['Ada']);
    expect(await list('tag=unknown')).toEqual([]);
    expect(names(await list(`labelId=${label.id}`))).toEqual(['Grace']);
    expect(names(await list(`labelId=${label.id}&view=mine`))).toEqual([]);
    // What the SDK decides from a conversation agrees with the server.
    const ada = (await h.get<Conversation>(`/v1/conversations/${c.Ada!.id}`, me.token)).body;
    expect(matchesConversationFilter(ada, { tag: 'Vip' }, me.agent.id)).toBe(true);

    // A visitor could learn their conversation's tags by filtering on them: refused.
    for (const query of ['tag=vip', `labelId=${label.id}`]) {
      const { status, body } = await h.get<{ error: { code: string } }>(
        `/v1/conversations?${query}`,
        v.Ada!.token,
      );
      expect(status, query).toBe(403);
      expect(body.error.code).toBe('forbidden');
    }
  });
});

describe('search', () => {
  it.each([
    ['ada', ['Ada']],
    ['LOVE', []],
    ['navy.example', ['Grace']],
    ['example', ['Ada', 'Edsger', 'Grace', 'Linus']],
    ['example.org', ['Linus']],
    ['5550104477', ['Ada']],
    ['010-4477', ['Ada']],
    ['20 7946', ['Grace']],
    ['parcel', ['Grace']],
    ['REFUND', ['Linus']],
    ['100%', ['Ada']],
    ['%', ['Ada']],
    ['_', []],
    ['escalate', ['Grace']],
  ])('q=%s finds %o', async (q, expected) => {
    expect(names(await list(`q=${encodeURIComponent(q)}`))).toEqual(expected);
  });

  it('finds a conversation by its id, and combines with a view', async () => {
    expect(names(await list(`q=${c.Edsger!.id}`))).toEqual(['Edsger']);
    expect(names(await list('q=example&view=closed'))).toEqual(['Linus']);
  });

  it("never matches a visitor's conversation on an internal note", async () => {
    const grace = v.Grace!.token;
    expect(names(await list('q=parcel', grace))).toEqual(['Grace']);
    expect(await list('q=escalate', grace)).toEqual([]);
    // Nor anyone else's conversations, whatever the query.
    expect(await list('q=ada', grace)).toEqual([]);
  });
});
