// The pre-chat form over the real socket.io gateway and SQLite: refused answers write nothing,
// a good submission fills the contact and starts the conversation with its first message at
// once, and a site that asks for the form gets it before any conversation starts.
import { createHash } from 'node:crypto';
import { ulid, type Contact, type Conversation, type Message, type MessagePage } from '@switchboard/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { nextEvent, startHarness, type Harness } from '../test-support/harness.js';

const FORM = {
  fields: [
    { name: 'name', label: 'Your name', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'company', label: 'Company' },
  ],
  consent: { text: 'I agree to the privacy policy.', url: 'https://example.com/privacy' },
};

const GOOD = {
  fields: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' },
  consent: true,
  message: 'Where is my order A1234?',
};

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A harness whose demo site has `form` as its pre-chat form, and a visitor socket on it. */
async function withForm(form: unknown = FORM, env: Record<string, string> = {}) {
  const harness = (h = await startHarness(env));
  const admin = await harness.agentSession();
  const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
  if (!site) throw new Error('no demo site');
  const saved = await harness.send('PUT', `/v1/sites/${site.id}/pre-chat`, form, admin.token);
  if (saved.status !== 200) throw new Error(`pre-chat settings refused: ${JSON.stringify(saved.body)}`);
  const session = await harness.visitorSession();
  const visitor = await harness.visitorSocket(session.token);
  const contact = () => harness.switchboard.store.contacts.byId(session.contact.id);
  return { harness, admin, siteId: site.id, session, visitor, contact };
}

describe('pre_chat:submit', () => {
  it('refuses missing, malformed, unknown and unconsented answers with every problem named, writing nothing', async () => {
    const { harness, visitor, contact } = await withForm();
    const before = await contact();
    const refused = await visitor.emitWithAck('pre_chat:submit', {
      fields: { name: ' ', email: 'ada@', colour: 'red' },
      consent: false,
      message: 'Hello',
      clientMessageId: ulid(),
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid_payload',
        message: 'Invalid pre-chat form (fields.name: is required)',
        issues: [
          { path: 'fields.name', message: 'is required' },
          { path: 'fields.email', message: 'must be an email address' },
          { path: 'fields.colour', message: 'is not a field of this form' },
          { path: 'consent', message: 'is required' },
        ],
      },
    });
    // Consent alone missing is refused just the same.
    const unticked = await visitor.emitWithAck('pre_chat:submit', {
      ...GOOD,
      consent: false,
      clientMessageId: ulid(),
    });
    expect(unticked).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [{ path: 'consent' }] },
    });
    // A payload that is not even the right shape gets an ack too.
    const garbage = await visitor.emitWithAck('pre_chat:submit', { fields: { name: 42 } } as never);
    expect(garbage).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(harness.count('conversations')).toBe(0);
    expect(harness.count('messages')).toBe(0);
    expect(await contact()).toEqual(before);
  });

  it('fills the contact, records the consent and starts the conversation with the first message, in one go', async () => {
    const { harness, admin, visitor, session, contact } = await withForm();
    const agent = await harness.agentSocket(admin.token);
    const created = nextEvent<Conversation>(agent, 'conversation:created');
    const received = nextEvent<Message>(agent, 'message:created');
    const updated = nextEvent<Contact>(agent, 'contact:updated');
    const clientMessageId = ulid();

    const ack = await visitor.emitWithAck('pre_chat:submit', { ...GOOD, clientMessageId });
    if (!ack.ok) throw new Error(ack.error.message);
    const { conversation, message } = ack.data;
    expect(message).toMatchObject({ authorKind: 'visitor', text: GOOD.message, seq: 1, clientMessageId });
    // The agent is online, so routing gave it the conversation before the ack: the visitor starts
    // from that state.
    expect(conversation).toMatchObject({ contactId: session.contact.id, lastSeq: 1, status: 'active' });
    expect(ack.data.contact).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      attributes: { company: 'Analytical Engines' },
    });
    const version = createHash('sha256')
      .update(JSON.stringify([FORM.consent.text, FORM.consent.url]))
      .digest('hex');
    expect(ack.data.contact.preChat).toEqual({
      submittedAt: expect.any(String) as string,
      answers: [
        { name: 'name', label: 'Your name', value: 'Ada Lovelace' },
        { name: 'email', label: 'Email', value: 'ada@example.com' },
        { name: 'company', label: 'Company', value: 'Analytical Engines' },
      ],
      consent: {
        givenAt: expect.any(String) as string,
        text: FORM.consent.text,
        url: FORM.consent.url,
        version,
      },
    });
    // The resume secret never leaves the server.
    expect(ack.data.contact).not.toHaveProperty('resumeSecretHash');

    // Stored as acknowledged, and agents hear of all three.
    expect(await contact()).toMatchObject({ email: 'ada@example.com', preChat: ack.data.contact.preChat });
    const history = await harness.get<MessagePage>(
      `/v1/conversations/${conversation!.id}/messages`,
      session.token,
    );
    expect(history.body.items).toEqual([message]);
    const timeline = await harness.switchboard.store.timeline.list(conversation!.id);
    expect(timeline.map((event) => event.type)).toEqual(['created', 'pre_chat_submitted', 'assigned']);
    expect(timeline[1]?.data).toEqual({ fields: 'name,email,company', consentVersion: version });
    expect((await created).id).toBe(conversation!.id);
    expect((await received).id).toBe(message!.id);
    expect((await updated).email).toBe('ada@example.com');

    // The socket is in the conversation's room: an agent's reply reaches it.
    const reply = nextEvent<Message>(visitor, 'message:created');
    await agent.emitWithAck('message:send', {
      conversationId: conversation!.id,
      clientMessageId: ulid(),
      text: 'On its way!',
    });
    expect((await reply).text).toBe('On its way!');

    // A retry is the same submission: the same message, nothing new written.
    const again = await visitor.emitWithAck('pre_chat:submit', { ...GOOD, clientMessageId });
    expect(again).toMatchObject({
      ok: true,
      data: { message: { id: message!.id }, conversation: { id: conversation!.id } },
    });
    expect(harness.count('conversations')).toBe(1);
    expect(harness.count('messages')).toBe(2);
  });

  it('stores nothing at all when the transaction fails half way', async () => {
    const { harness, session, contact } = await withForm();
    const write = harness.switchboard.store.preChat.submit({
      contactId: session.contact.id,
      // No such site: the conversation's foreign key fails after the contact was updated.
      siteId: 'no-such-site',
      profile: { name: 'Ada' },
      record: { submittedAt: new Date().toISOString(), answers: [], consent: null },
      start: { status: 'queued', queueId: null, clientMessageId: ulid(), text: 'Hi', event: {} },
    });
    await expect(write).rejects.toThrow(/FOREIGN KEY/);
    expect(await contact()).toMatchObject({ name: null, preChat: null });
    expect(harness.count('conversations')).toBe(0);
    expect(harness.count('messages')).toBe(0);
  });

  it('is refused by a site without a form', async () => {
    const harness = (h = await startHarness());
    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    expect(await visitor.emitWithAck('pre_chat:submit', { ...GOOD, clientMessageId: ulid() })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(harness.count('conversations')).toBe(0);
  });

  it('without a first message fills the contact only; the visitor then starts as usual', async () => {
    const { harness, visitor, contact } = await withForm({ ...FORM, askForMessage: false, consent: null });
    const withMessage = await visitor.emitWithAck('pre_chat:submit', { ...GOOD, clientMessageId: ulid() });
    expect(withMessage).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'message', message: 'is not asked for by this form' }] },
    });
    const ack = await visitor.emitWithAck('pre_chat:submit', { fields: GOOD.fields });
    expect(ack).toMatchObject({
      ok: true,
      data: { conversation: null, message: null, contact: { name: 'Ada Lovelace' } },
    });
    expect((await contact())?.preChat?.consent).toBeNull();
    expect(harness.count('conversations')).toBe(0);
    expect(await visitor.emitWithAck('conversation:start', {})).toMatchObject({ ok: true });
  });

  it('after hours, starts the conversation without asking the same things again in an offline form', async () => {
    const { harness, siteId, admin, visitor, session } = await withForm();
    await harness.send(
      'PUT',
      `/v1/sites/${siteId}/business-hours`,
      { timeZone: 'UTC', weekly: {}, afterHours: { message: 'We are closed.', mode: 'offline_form' } },
      admin.token,
    );
    const ack = await visitor.emitWithAck('pre_chat:submit', { ...GOOD, clientMessageId: ulid() });
    if (!ack.ok) throw new Error(ack.error.message);
    const history = await harness.get<MessagePage>(
      `/v1/conversations/${ack.data.conversation!.id}/messages`,
      session.token,
    );
    expect(history.body.items.map((m) => [m.authorKind, m.text, m.form])).toEqual([
      ['visitor', GOOD.message, null],
      ['system', 'We are closed.', null],
    ]);
    expect(ack.data.conversation?.status).toBe('queued');
  });
});

describe('conversation:start while the form is due', () => {
  it('is refused with pre_chat_required, and allowed once the form is sent', async () => {
    const { harness, visitor } = await withForm({ ...FORM, askForMessage: false });
    expect(await visitor.emitWithAck('conversation:start', {})).toMatchObject({
      ok: false,
      error: { code: 'pre_chat_required' },
    });
    expect(harness.count('conversations')).toBe(0);
    await visitor.emitWithAck('pre_chat:submit', { fields: GOOD.fields, consent: true });
    expect(await visitor.emitWithAck('conversation:start', {})).toMatchObject({ ok: true });
  });

  it('lets a visitor the site already knows start without it', async () => {
    const { harness, visitor, session } = await withForm({ ...FORM, consent: null });
    await harness.switchboard.store.contacts.update(session.contact.id, {
      name: 'Ada',
      email: 'ada@example.com',
    });
    expect(await visitor.emitWithAck('conversation:start', {})).toMatchObject({ ok: true });
  });

  it('asks even a known visitor when the form requires consent, which only they can give', async () => {
    const { harness, visitor, session } = await withForm();
    await harness.switchboard.store.contacts.update(session.contact.id, {
      name: 'Ada',
      email: 'ada@example.com',
    });
    expect(await visitor.emitWithAck('conversation:start', {})).toMatchObject({
      ok: false,
      error: { code: 'pre_chat_required' },
    });
  });

  it('keeps a conversation that was open before the form was switched on', async () => {
    const harness = (h = await startHarness());
    const admin = await harness.agentSession();
    const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    const first = await visitor.emitWithAck('conversation:start', {});
    await harness.send('PUT', `/v1/sites/${site!.id}/pre-chat`, FORM, admin.token);
    const again = await visitor.emitWithAck('conversation:start', {});
    expect(again.ok && first.ok && again.data.id === first.data.id).toBe(true);
  });
});
