import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_CONTACT_ATTRIBUTES,
  type Contact,
  type Conversation,
  type ConversationPage,
  type TimelineEvent,
} from '@switchboard/protocol';
import { nextEvent, startHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
let agentToken: string;
beforeAll(async () => {
  h = await startHarness();
  agentToken = (await h.createAgent()).token;
});
afterAll(() => h.close());

/** A visitor with an open conversation; their contact as stored. */
async function visitor(): Promise<{ token: string; contact: Contact; conversation: Conversation }> {
  const session = await h.visitorSession();
  const socket = await h.visitorSocket(session.token);
  const ack = await socket.emitWithAck('conversation:start', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return { token: session.token, contact: session.contact, conversation: ack.data };
}

const patch = <T>(contactId: string, body: unknown, token = agentToken) =>
  h.send<T>('PATCH', `/v1/contacts/${contactId}`, body, token);

describe('PATCH /v1/contacts/:id', () => {
  it('edits the profile and attributes, tells every agent, and records it in the open conversation', async () => {
    const { contact, conversation } = await visitor();
    await h.switchboard.store.contacts.update(contact.id, { attributes: { plan: 'free', source: 'ads' } });
    const watcher = await h.agentSocket((await h.createAgent()).token);
    const heard = nextEvent<Contact>(watcher, 'contact:updated');

    const edited = await patch<Contact>(contact.id, {
      name: '  Grace Hopper ',
      email: 'grace@example.com',
      phone: '+1 (555) 010-0199',
      attributes: { plan: 'pro', seats: 12, vip: true, source: null },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: contact.id,
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: '+1 (555) 010-0199',
      attributes: { plan: 'pro', seats: 12, vip: true },
    });
    expect(edited.body).not.toHaveProperty('resumeSecretHash');
    expect(await heard).toEqual(edited.body);
    expect((await h.get<Contact>(`/v1/contacts/${contact.id}`, agentToken)).body).toEqual(edited.body);

    const timeline = await h.get<TimelineEvent[]>(
      `/v1/conversations/${conversation.id}/timeline`,
      agentToken,
    );
    const recorded = timeline.body.filter((event) => event.type === 'contact_updated');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.data).toEqual({
      contactId: contact.id,
      fields: 'name,email,phone,attributes.plan,attributes.source,attributes.seats,attributes.vip',
    });

    // Clearing a field; the same edit again changes (and records) nothing.
    const cleared = await patch<Contact>(contact.id, { phone: null });
    expect(cleared.body.phone).toBeNull();
    await patch<Contact>(contact.id, { phone: null });
    const after = await h.get<TimelineEvent[]>(`/v1/conversations/${conversation.id}/timeline`, agentToken);
    expect(after.body.filter((event) => event.type === 'contact_updated')).toHaveLength(2);
  });

  it('refuses a bad field with its path and writes nothing, not even the good ones', async () => {
    const { contact } = await visitor();
    const before = await h.switchboard.store.contacts.byId(contact.id);
    const refused = await patch<{ error: { code: string; issues: { path: string }[] } }>(contact.id, {
      name: 'Fine name',
      email: 'not an email',
      phone: 'call me',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_payload');
    expect(refused.body.error.issues.map((issue) => issue.path).sort()).toEqual(['email', 'phone']);
    expect(await h.switchboard.store.contacts.byId(contact.id)).toEqual(before);

    for (const body of [
      {},
      { name: '' },
      { attributes: { ['x'.repeat(65)]: 1 } },
      { unknown: 1 },
      { attributes: { a: { nested: true } } },
    ]) {
      expect((await patch(contact.id, body)).status).toBe(400);
    }
    const tooMany = Object.fromEntries(
      Array.from({ length: MAX_CONTACT_ATTRIBUTES + 1 }, (_, i) => [`field${i}`, i]),
    );
    const overLimit = await patch<{ error: { code: string } }>(contact.id, {
      name: 'Someone',
      attributes: tooMany,
    });
    expect(overLimit.status).toBe(400);
    expect(await h.switchboard.store.contacts.byId(contact.id)).toEqual(before);
  });

  it('is for agents only, and 404s a missing contact', async () => {
    const { token, contact } = await visitor();
    expect((await patch(contact.id, { name: 'Me' }, token)).status).toBe(403);
    expect((await h.get(`/v1/contacts/${contact.id}`, token)).status).toBe(403);
    expect((await patch('missing', { name: 'Nobody' })).status).toBe(404);
    expect((await h.get('/v1/contacts/missing/conversations', agentToken)).status).toBe(404);
  });
});

describe('GET /v1/contacts/:id/conversations', () => {
  it('lists the contact’s conversations, most recent first, a page at a time', async () => {
    const { contact, conversation: current } = await visitor();
    const lifecycle = h.switchboard.services.lifecycle;
    const agent = await h.switchboard.store.agents.create({
      email: `resolver-${Date.now()}@example.com`,
      name: 'Resolver',
      role: 'agent',
      capacity: 10,
      passwordHash: 'x',
    });
    const viewer = { kind: 'agent', agentId: agent.id } as const;
    // Three conversations one after the other: each resolved before the next starts.
    const ids = [current.id];
    await lifecycle.resolve(viewer, { conversationId: current.id, reason: 'solved' });
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const next = await h.switchboard.store.conversations.openOrCreate({
        siteId: contact.siteId,
        contactId: contact.id,
        channel: 'web',
        status: 'queued',
        queueId: null,
      });
      ids.push(next.conversation.id);
      await lifecycle.resolve(viewer, { conversationId: next.conversation.id, reason: 'solved' });
    }
    const someoneElse = await visitor();

    const first = await h.get<ConversationPage>(
      `/v1/contacts/${contact.id}/conversations?limit=2`,
      agentToken,
    );
    expect(first.body.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).not.toBeNull();
    const rest = await h.get<ConversationPage>(
      `/v1/contacts/${contact.id}/conversations?limit=2&cursor=${first.body.nextCursor}`,
      agentToken,
    );
    expect(rest.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    expect(rest.body.items.concat(first.body.items).some((c) => c.id === someoneElse.conversation.id)).toBe(
      false,
    );
    expect((await h.get(`/v1/contacts/${contact.id}/conversations?limit=500`, agentToken)).status).toBe(400);
  });
});
