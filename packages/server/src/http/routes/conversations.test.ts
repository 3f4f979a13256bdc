import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Conversation, type ConversationPage, type MessagePage } from '@switchboard/protocol';
import { startHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
let visitorToken: string;
let agentToken: string;
let conversation: Conversation;

beforeAll(async () => {
  h = await startHarness();
  const session = await h.visitorSession();
  visitorToken = session.token;
  agentToken = (await h.agentSession()).token;
  const socket = await h.visitorSocket(visitorToken);
  const started = await socket.emitWithAck('conversation:start', {});
  if (!started.ok) throw new Error('start failed');
  conversation = started.data;
  for (let i = 1; i <= 7; i++) {
    await socket.emitWithAck('message:send', {
      conversationId: conversation.id,
      clientMessageId: ulid(),
      text: `m${i}`,
    });
  }
  const agent = await h.agentSocket(agentToken);
  await agent.emitWithAck('message:send', {
    conversationId: conversation.id,
    clientMessageId: ulid(),
    text: 'note',
    kind: 'note',
  });
});
afterAll(() => h.close());

const texts = (page: MessagePage) => page.items.map((m) => m.text);

describe('GET /v1/conversations', () => {
  it('requires a token', async () => {
    expect((await h.get('/v1/conversations')).status).toBe(401);
    expect((await h.get('/v1/conversations', 'v1.bogus.token')).status).toBe(401);
  });

  it('shows a visitor only their own conversations, and agents all of them', async () => {
    const other = await h.visitorSession();
    const otherSocket = await h.visitorSocket(other.token);
    await otherSocket.emitWithAck('conversation:start', {});
    const mine = await h.get<ConversationPage>('/v1/conversations', visitorToken);
    expect(mine.body.items.map((c) => c.id)).toEqual([conversation.id]);
    const all = await h.get<ConversationPage>('/v1/conversations', agentToken);
    expect(all.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = await h.get<ConversationPage>(`/v1/conversations${query}`, agentToken);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await h.get<ConversationPage>('/v1/conversations?limit=100', agentToken);
    expect(seen).toEqual(all.body.items.map((c) => c.id));
    expect((await h.get('/v1/conversations?cursor=garbage', agentToken)).status).toBe(400);
  });
});

describe('GET /v1/conversations/:id', () => {
  it('gives 404 for another visitor’s conversation, exactly as for a missing one', async () => {
    const intruder = await h.visitorSession();
    const theirs = await h.get<{ error: unknown }>(`/v1/conversations/${conversation.id}`, intruder.token);
    const missing = await h.get<{ error: unknown }>('/v1/conversations/nope', intruder.token);
    expect(theirs).toEqual(missing);
    expect(theirs.status).toBe(404);
    const history = await h.get(`/v1/conversations/${conversation.id}/messages`, intruder.token);
    expect(history.status).toBe(404);
  });
});

describe('GET /v1/conversations/:id/messages', () => {
  const path = () => `/v1/conversations/${conversation.id}/messages`;

  it('returns the latest page in ascending order, with notes only for agents', async () => {
    const visitor = await h.get<MessagePage>(`${path()}?limit=3`, visitorToken);
    expect(texts(visitor.body)).toEqual(['m5', 'm6', 'm7']);
    expect(visitor.body.hasMore).toBe(true);
    const agent = await h.get<MessagePage>(`${path()}?limit=3`, agentToken);
    expect(texts(agent.body)).toEqual(['m6', 'm7', 'note']);
  });

  it('reads forward with afterSeq and backward with beforeSeq', async () => {
    const after = await h.get<MessagePage>(`${path()}?afterSeq=5`, visitorToken);
    expect(after.body.items.map((m) => m.seq)).toEqual([6, 7]);
    expect(after.body.hasMore).toBe(false);
    const forwardPage = await h.get<MessagePage>(`${path()}?afterSeq=0&limit=2`, visitorToken);
    expect(texts(forwardPage.body)).toEqual(['m1', 'm2']);
    expect(forwardPage.body.hasMore).toBe(true);
    const before = await h.get<MessagePage>(`${path()}?beforeSeq=4&limit=2`, visitorToken);
    expect(texts(before.body)).toEqual(['m2', 'm3']);
    expect(before.body.hasMore).toBe(true);
  });

  it('refuses bad pagination with a 400', async () => {
    for (const q of [
      'afterSeq=1&beforeSeq=5',
      'afterSeq=-2',
      'limit=0',
      'limit=9999',
      'afterSeq=x',
      'unknown=1',
    ]) {
      const response = await h.get<{ error: { code: string } }>(`${path()}?${q}`, visitorToken);
      expect(response.status, q).toBe(400);
      expect(response.body.error.code).toBe('invalid_payload');
    }
  });
});

describe('unknown API paths', () => {
  it('answer 404 JSON', async () => {
    const response = await h.get<{ error: { code: string } }>('/v1/nothing-here');
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
