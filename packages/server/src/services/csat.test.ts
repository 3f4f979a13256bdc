// CSAT over real sockets against the real app: a visitor rates their resolved conversation once
// per resolution; agents hear of it; the timeline keeps every rating.
import type { Conversation, ConversationRatedEvent, CsatSubmission } from '@switchboard/protocol';
import { ulid } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  nextEvent,
  startHarness,
  type AgentSocket,
  type Harness,
  type VisitorSocket,
} from '../test-support/harness.js';

let h: Harness;
let agent: AgentSocket;
beforeAll(async () => {
  h = await startHarness();
  agent = await h.agentSocket((await h.agentSession()).token);
});
afterAll(() => h.close());

async function visitorConversation(): Promise<{ visitor: VisitorSocket; conversationId: string }> {
  const visitor = await h.visitorSocket((await h.visitorSession()).token);
  const started = await visitor.emitWithAck('conversation:start', {});
  if (!started.ok) throw new Error(started.error.message);
  return { visitor, conversationId: started.data.id };
}

async function resolve(conversationId: string): Promise<Conversation> {
  const resolved = await agent.emitWithAck('conversation:resolve', { conversationId, reason: 'solved' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.data;
}

/** A visitor whose conversation an agent has just resolved. */
async function resolvedConversation() {
  const { visitor, conversationId } = await visitorConversation();
  await resolve(conversationId);
  return { visitor, conversationId };
}

const rate = (
  visitor: VisitorSocket,
  payload: Omit<CsatSubmission, 'conversationId'>,
  conversationId: string,
) => visitor.emitWithAck('conversation:rate', { conversationId, ...payload });

const stored = async (id: string) => (await h.switchboard.store.conversations.byId(id))!;
const ratings = async (id: string) =>
  (await h.switchboard.store.timeline.list(id)).filter((event) => event.type === 'rated');

describe('conversation:rate', () => {
  it('stores the rating, acks the rated conversation, tells agents and the visitor, and records it in the timeline', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    const rated = nextEvent<ConversationRatedEvent>(agent, 'conversation:rated');
    const updated = new Promise<Conversation>((resolve) =>
      visitor.on('conversation:updated', (update) => update.csat && resolve(update)),
    );

    const ack = await rate(visitor, { score: 4, comment: '  Quick and kind.  ' }, conversationId);
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data).toMatchObject({
      id: conversationId,
      status: 'resolved',
      csat: { score: 4, comment: 'Quick and kind.' },
    });
    expect(Date.parse(ack.data.csat?.ratedAt ?? '')).not.toBeNaN();
    expect(await stored(conversationId)).toEqual(ack.data);
    expect(await rated).toEqual({ conversation: ack.data, score: 4, comment: 'Quick and kind.' });
    expect(await updated).toEqual(ack.data);
    expect(await ratings(conversationId)).toMatchObject([
      {
        actorKind: 'visitor',
        actorId: ack.data.contactId,
        fromStatus: 'resolved',
        toStatus: 'resolved',
        data: { score: 4, comment: 'Quick and kind.' },
      },
    ]);
  });

  it('takes a score alone; a blank comment counts as none', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    const ack = await rate(visitor, { score: 1, comment: '   ' }, conversationId);
    expect(ack).toMatchObject({ ok: true, data: { csat: { score: 1, comment: null } } });
  });

  it('answers the same rating again with the same conversation, and writes nothing', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    const first = await rate(visitor, { score: 5, comment: 'Great' }, conversationId);
    const again = await rate(visitor, { score: 5, comment: ' Great ' }, conversationId);
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(await ratings(conversationId)).toHaveLength(1);
  });

  it('refuses a second, different rating with conflict and keeps the first', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    const first = await rate(visitor, { score: 2 }, conversationId);
    const second = await rate(visitor, { score: 5 }, conversationId);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await stored(conversationId)).csat?.score).toBe(2);
    expect(first.ok && first.data).toEqual(await stored(conversationId));
  });

  it('stores exactly one of two different ratings sent at once', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    const acks = await Promise.all([
      rate(visitor, { score: 1 }, conversationId),
      rate(visitor, { score: 5 }, conversationId),
    ]);
    expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
    expect(acks.filter((ack) => !ack.ok && ack.error.code === 'conflict')).toHaveLength(1);
    expect(await ratings(conversationId)).toHaveLength(1);
  });

  it('refuses to rate a conversation that is not resolved', async () => {
    const { visitor, conversationId } = await visitorConversation();
    const ack = await rate(visitor, { score: 3 }, conversationId);
    expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await stored(conversationId)).csat).toBeNull();
  });

  it('answers not_found for someone else’s conversation or none, exactly alike', async () => {
    const { conversationId } = await resolvedConversation();
    const { visitor: stranger } = await visitorConversation();
    const theirs = await rate(stranger, { score: 1 }, conversationId);
    const missing = await rate(stranger, { score: 1 }, 'no-such-conversation');
    expect(theirs).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(missing).toEqual(theirs);
    expect((await stored(conversationId)).csat).toBeNull();
  });

  it.each([
    ['a score of 0', { score: 0 }],
    ['a score of 6', { score: 6 }],
    ['a fractional score', { score: 4.5 }],
    ['a comment over 1000 characters', { score: 4, comment: 'x'.repeat(1001) }],
  ])('refuses %s as invalid_payload', async (_label, payload) => {
    const { visitor, conversationId } = await resolvedConversation();
    const ack = await rate(visitor, payload, conversationId);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((await stored(conversationId)).csat).toBeNull();
  });

  it('clears the rating when the visitor writes again (the timeline keeps it), and the next resolve can be rated', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    expect((await rate(visitor, { score: 2, comment: 'Slow' }, conversationId)).ok).toBe(true);

    const sent = await visitor.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'Actually, one more thing',
    });
    expect(sent.ok).toBe(true);
    const reopened = await stored(conversationId);
    expect(reopened.status).not.toBe('resolved');
    expect(reopened.csat).toBeNull();

    await resolve(conversationId);
    const again = await rate(visitor, { score: 5, comment: 'Sorted now' }, conversationId);
    expect(again).toMatchObject({ ok: true, data: { csat: { score: 5, comment: 'Sorted now' } } });
    expect((await ratings(conversationId)).map((event) => event.data)).toEqual([
      { score: 2, comment: 'Slow' },
      { score: 5, comment: 'Sorted now' },
    ]);
  });

  it('clears the rating when an agent reopens the conversation', async () => {
    const { visitor, conversationId } = await resolvedConversation();
    expect((await rate(visitor, { score: 3 }, conversationId)).ok).toBe(true);
    const reopened = await agent.emitWithAck('conversation:reopen', { conversationId });
    expect(reopened).toMatchObject({ ok: true, data: { status: 'queued', csat: null } });
    expect(await ratings(conversationId)).toHaveLength(1);
  });
});
