// Agents working together through the SDK, against the real server (socket.io, a SQLite file):
// internal notes and @mentions, tags, labels, contact edits and a contact's earlier conversations.
import type { AgentClient, SwitchboardError } from '@switchboard/agent-sdk';
import type { Label, Mention, MentionsRead, TimelineEvent } from '@switchboard/protocol';
import { hashPasswordSync } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { seedConversation, stored, storedMessages } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const PASSWORD_HASH = hashPasswordSync('password');

/** Another agent (not in any queue, so routing leaves them be), signed in through the SDK. */
async function colleague(name: string, email: string): Promise<AgentClient> {
  await t.server.switchboard.store.agents.create({
    email,
    name,
    role: 'agent',
    capacity: 3,
    passwordHash: PASSWORD_HASH,
  });
  const client = t.agent({ auth: { email, password: 'password' } });
  await client.connect();
  return client;
}

/** The demo agent, connected. */
async function ada(): Promise<AgentClient> {
  const client = t.agent();
  await client.connect();
  return client;
}

const timelineTypes = (events: readonly TimelineEvent[]) => events.map((event) => event.type);

describe('internal notes', () => {
  it('reach every agent and never the visitor, live or after a reload', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    const first = await visitor.sendMessage('My order is late');
    const agent = await ada();
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    const visitorHeard: string[] = [];
    visitor.on('message:created', (message) => visitorHeard.push(message.text));

    const note = await agent.sendNote(first.conversationId, 'Courier lost it; refund approved');
    expect(note).toMatchObject({ kind: 'note', authorKind: 'agent' });
    await waitFor(
      () => grace.getSnapshot().messages[first.conversationId]?.some((m) => m.id === note.id),
      'the colleague to see the note',
    );
    // A reply after the note: the visitor hears that one, and nothing else.
    await waitFor(
      () => agent.getSnapshot().conversations[first.conversationId]?.status === 'active',
      'routing',
    );
    const reply = await agent.sendMessage(first.conversationId, 'We are on it');
    await waitFor(() => visitorHeard.includes(reply.text), 'the reply');
    expect(visitorHeard).toEqual(['We are on it']);
    expect(visitor.getSnapshot().messages.map((m) => m.text)).toEqual(['My order is late', 'We are on it']);

    visitor.disconnect();
    const reloaded = t.visitor(storage);
    await reloaded.connect();
    await waitFor(() => reloaded.getSnapshot().messages.length === 2, 'the history');
    expect(reloaded.getSnapshot().messages.map((m) => m.kind)).toEqual(['text', 'text']);
    expect((await storedMessages(app, first.conversationId)).map((m) => m.kind)).toEqual([
      'text',
      'note',
      'text',
    ]);
  });
});

describe('@mentions', () => {
  it('notify the mentioned agent on every console of theirs, and reading them there is shared', async () => {
    const conversation = await seedConversation(t.server.switchboard, 'Hi');
    const agent = await ada();
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    const graceTab = await (async () => {
      const client = t.agent({ auth: { email: 'grace@example.com', password: 'password' } });
      await client.connect();
      return client;
    })();
    const heard: Mention[] = [];
    const adaHeard: Mention[] = [];
    grace.on('mention', (mention) => heard.push(mention));
    agent.on('mention', (mention) => adaHeard.push(mention));

    const note = await agent.sendNote(conversation.id, '@grace could you look at the refund?');
    await waitFor(() => heard.length === 1, 'the mention');
    expect(heard[0]).toMatchObject({
      conversationId: conversation.id,
      messageId: note.id,
      agentId: grace.getSnapshot().agent?.id,
      authorId: agent.getSnapshot().agent?.id,
      text: '@grace could you look at the refund?',
      readAt: null,
    });
    // The state had it before the listener heard.
    expect(grace.getSnapshot().mentions).toEqual(heard);
    expect(grace.getSnapshot().unreadMentions).toBe(1);
    await waitFor(() => graceTab.getSnapshot().unreadMentions === 1, 'the other tab');
    expect(adaHeard).toEqual([]);
    expect(agent.getSnapshot().mentions).toEqual([]);

    const otherTabHeard: MentionsRead[] = [];
    graceTab.on('mentions:read', (read) => otherTabHeard.push(read));
    const read = await grace.markMentionsRead({ conversationId: conversation.id });
    expect(read.mentionIds).toEqual([heard[0]!.id]);
    expect(grace.getSnapshot()).toMatchObject({ unreadMentions: 0 });
    await waitFor(() => graceTab.getSnapshot().unreadMentions === 0, 'the other tab to follow');
    expect(otherTabHeard).toEqual([read]);

    // A console that connects later loads them.
    const later = t.agent({ auth: { email: 'grace@example.com', password: 'password' } });
    await later.connect();
    expect(later.getSnapshot().mentions).toEqual([{ ...heard[0], readAt: read.readAt }]);
    expect((await later.listMentions({ unread: true })).items).toEqual([]);
  });

  it('are only for notes: a reply naming an agent mentions nobody', async () => {
    const conversation = await seedConversation(t.server.switchboard, 'Hi');
    const agent = await ada();
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    await waitFor(() => agent.getSnapshot().conversations[conversation.id]?.status === 'active', 'routing');
    // Mentions are stored with the note itself: once the sends are acked, the list is complete.
    await agent.sendMessage(conversation.id, 'My colleague @grace will follow up');
    await agent.sendNote(conversation.id, 'Done, thanks');
    expect((await grace.listMentions()).items).toEqual([]);
    expect(grace.getSnapshot().unreadMentions).toBe(0);
  });
});

describe('tags', () => {
  it('are normalised, reach every console through conversation:updated, and are recorded', async () => {
    const app = t.server.switchboard;
    const visitor = t.visitor();
    const { conversationId } = await visitor.sendMessage('Invoice question');
    const agent = await ada();
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    await waitFor(() => grace.getSnapshot().conversations[conversationId], 'the colleague to know it');
    const updates: string[][] = [];
    grace.on('conversation:updated', (conversation) => {
      if (conversation.id === conversationId) updates.push(conversation.tags);
    });

    const tagged = await agent.addTags(conversationId, ['#Billing', ' VIP  customer ', 'billing']);
    expect(tagged.tags).toEqual(['billing', 'vip customer']);
    expect(agent.getSnapshot().conversations[conversationId]).toEqual(tagged);
    await waitFor(
      () => grace.getSnapshot().conversations[conversationId]?.tags.length === 2,
      'the colleague',
    );
    expect(grace.getSnapshot().conversations[conversationId]).toEqual(await stored(app, conversationId));

    const untagged = await grace.removeTags(conversationId, ['VIP Customer']);
    expect(untagged.tags).toEqual(['billing']);
    await waitFor(
      () => agent.getSnapshot().conversations[conversationId]?.tags.length === 1,
      'Ada to follow',
    );
    expect(updates).toEqual([['billing', 'vip customer'], ['billing']]);

    const events = await agent.timeline(conversationId);
    expect(
      timelineTypes(events)
        .filter((type) => type.startsWith('tag_'))
        .sort(),
    ).toEqual(['tag_added', 'tag_added', 'tag_removed']);
    // The visitor's copy never carries them.
    expect(visitor.getSnapshot().conversation?.tags).toEqual([]);
  });

  it('refuse a bad tag at once, without a request, and too many from the server', async () => {
    const conversation = await seedConversation(t.server.switchboard, 'Hi');
    const agent = await ada();
    const before = t.server.requests.length;
    const blank = await agent
      .addTags(conversation.id, ['ok', ' # '])
      .catch((error: SwitchboardError) => error);
    expect(blank).toMatchObject({ code: 'invalid_payload', issues: [{ path: 'tags.1' }] });
    await expect(agent.addTags(conversation.id, [])).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(agent.removeTags(conversation.id, ['a,b'])).rejects.toMatchObject({
      code: 'invalid_payload',
    });
    expect(t.server.requests.length).toBe(before);
    await agent.addTags(
      conversation.id,
      Array.from({ length: 20 }, (_, i) => `tag ${i}`),
    );
    await expect(agent.addTags(conversation.id, ['twenty-first'])).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(agent.addTags('missing', ['x'])).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('labels', () => {
  it('load with the defaults, are created live, and go on and off conversations on every console', async () => {
    const conversation = await seedConversation(t.server.switchboard, 'The export crashes');
    const agent = await ada();
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    const siteLabels = (client: AgentClient) =>
      Object.values(client.getSnapshot().labels).filter((label) => label.siteId === conversation.siteId);
    expect(siteLabels(agent).map((label) => label.key)).toEqual([
      'follow_up_required',
      'escalated',
      'bug_report',
      'feature_request',
    ]);

    const created: Label[] = [];
    grace.on('label:created', (label) => created.push(label));
    const churn = await agent.createLabel({
      siteId: conversation.siteId,
      name: 'Churn risk',
      color: '#AA00FF',
    });
    expect(churn).toMatchObject({ name: 'Churn risk', color: '#aa00ff', key: null });
    expect(agent.getSnapshot().labels[churn.id]).toEqual(churn);
    await waitFor(() => created.length === 1, 'label:created');
    expect(grace.getSnapshot().labels[churn.id]).toEqual(churn);
    await expect(
      agent.createLabel({ siteId: conversation.siteId, name: 'churn RISK', color: '#000000' }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const bug = siteLabels(agent).find((label) => label.key === 'bug_report')!;
    await agent.addLabel(conversation.id, bug.id);
    const labelled = await grace.addLabel(conversation.id, churn.id);
    expect(labelled.labelIds).toEqual([bug.id, churn.id]);
    await waitFor(() => agent.getSnapshot().conversations[conversation.id]?.labelIds.length === 2, 'Ada');
    await agent.removeLabel(conversation.id, bug.id);
    await waitFor(() => grace.getSnapshot().conversations[conversation.id]?.labelIds.length === 1, 'Grace');
    expect(grace.getSnapshot().conversations[conversation.id]?.labelIds).toEqual([churn.id]);

    const recoloured = await grace.updateLabel(bug.id, { color: '#FF0000' });
    await waitFor(() => agent.getSnapshot().labels[bug.id]?.color === '#ff0000', 'label:updated');
    expect(agent.getSnapshot().labels[bug.id]).toEqual(recoloured);

    const events = await agent.timeline(conversation.id);
    expect(
      events.filter((event) => event.type.startsWith('label_')).map((e) => [e.type, e.data['name']]),
    ).toEqual(
      expect.arrayContaining([
        ['label_added', 'Bug report'],
        ['label_added', 'Churn risk'],
        ['label_removed', 'Bug report'],
      ]),
    );
  });

  it('of another site cannot be applied', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'Hi');
    const other = await app.store.sites.create({
      name: 'Other',
      siteKey: 'pk_other_site',
      identitySecret: 'x'.repeat(32),
      identityVerification: 'off',
      allowedOrigins: [],
    });
    const agent = await ada();
    const foreign = (await agent.listLabels(other.id))[0]!;
    await expect(agent.addLabel(conversation.id, foreign.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await stored(app, conversation.id)).labelIds).toEqual([]);
  });
});

describe('contacts', () => {
  it('are edited by one agent and followed by another, with the edit in the timeline', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'Hello');
    const agent = await ada();
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    const held = await grace.contact(conversation.id);
    expect(grace.getSnapshot().contacts[held.id]).toEqual(held);

    const edited = await agent.updateContact(conversation.contactId, {
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
      phone: '+1 555 0100',
      attributes: { plan: 'enterprise', seats: 40, trial: false },
    });
    expect(edited).toMatchObject({
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
      phone: '+1 555 0100',
      attributes: { plan: 'enterprise', seats: 40, trial: false },
    });
    expect(agent.getSnapshot().contacts[edited.id]).toEqual(edited);
    await waitFor(() => grace.getSnapshot().contacts[edited.id]?.name === 'Katherine Johnson', 'Grace');
    expect(grace.getSnapshot().contacts[edited.id]).toEqual(edited);

    const removed = await grace.updateContact(edited.id, { phone: null, attributes: { trial: null } });
    expect(removed.phone).toBeNull();
    expect(removed.attributes).toEqual({ plan: 'enterprise', seats: 40 });
    const events = await agent.timeline(conversation.id);
    expect(
      events.filter((event) => event.type === 'contact_updated').map((event) => event.data['fields']),
    ).toEqual([
      'name,email,phone,attributes.plan,attributes.seats,attributes.trial',
      'phone,attributes.trial',
    ]);
  });

  it('refuse a bad edit with every bad field named, and write none of it', async () => {
    const app = t.server.switchboard;
    const conversation = await seedConversation(app, 'Hello');
    const agent = await ada();
    const before = await agent.getContact(conversation.contactId);
    const refused = await agent
      .updateContact(conversation.contactId, {
        name: 'Fine',
        email: 'not-an-email',
        attributes: { ok: 1, ['x'.repeat(80)]: 'too long a key' },
      })
      .catch((error: SwitchboardError) => error);
    expect(refused).toMatchObject({ code: 'invalid_payload' });
    expect((refused as SwitchboardError).issues?.map((issue) => issue.path).sort()).toEqual([
      `attributes.${'x'.repeat(80)}`,
      'email',
    ]);
    expect(await agent.getContact(conversation.contactId)).toEqual(before);
    await expect(agent.updateContact('missing', { name: 'Nobody' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('list their earlier conversations a page at a time, into the state', async () => {
    const app = t.server.switchboard;
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    const agent = await ada();
    const ids: string[] = [];
    for (const text of ['First problem', 'Second problem', 'Third problem']) {
      const { conversationId } = await visitor.sendMessage(text);
      ids.push(conversationId);
      await waitFor(() => agent.getSnapshot().conversations[conversationId]?.status === 'active', 'routing');
      await agent.resolve(conversationId, 'solved');
      await waitFor(() => visitor.getSnapshot().conversation?.status === 'resolved', 'the resolve');
      await visitor.startNewConversation();
    }
    const contactId = (await stored(app, ids[0]!)).contactId;
    // A later console that has not loaded them yet.
    const grace = await colleague('Grace Hopper', 'grace@example.com');
    const first = await grace.contactConversations(contactId, { limit: 2 });
    const rest = await grace.contactConversations(contactId, { limit: 2, cursor: first.nextCursor ?? '' });
    const listed = [...first.items, ...rest.items].map((conversation) => conversation.id);
    expect(rest.nextCursor).toBeNull();
    // The visitor's new, open one first, then the three earlier ones, newest first.
    expect(listed.slice(1)).toEqual([...ids].reverse());
    expect(listed).toHaveLength(4);
    for (const id of ids) expect(grace.getSnapshot().conversations[id]?.status).toBe('resolved');
  });
});
