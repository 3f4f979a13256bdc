// Acceptance: after hours, the visitor gets the after-hours reply and the offline form; the
// submission is stored (a conversation waiting for an agent) and the team is notified by a signed
// webhook and by email, through a real local SMTP server.
import type { AddressInfo } from 'node:net';
import { ulid, type Message, type MessagePage } from '@switchboard/protocol';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../bots/webhook/signature.js';
import { answer, startReceiver, type Receiver } from '../bots/webhook/test-receiver.js';
import { startHarness, type Harness } from '../test-support/harness.js';

interface Mail {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const CLOSED = {
  timeZone: 'UTC',
  weekly: {},
  afterHours: { message: 'We are closed right now.', mode: 'offline_form' },
};

let harness: Harness | null = null;
let receiver: Receiver | null = null;
let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
afterEach(async () => {
  await harness?.close();
  await receiver?.close();
  await smtp?.close();
  harness = receiver = smtp = null;
});

describe('the offline form', () => {
  it('after hours: the bot hands off, the visitor gets the form, the submission is stored and the team notified', async () => {
    smtp = await startSmtp();
    receiver = await startReceiver((_request, response) => answer(response, 204));
    harness = await startHarness({
      SWITCHBOARD_DEMO_BOT: 'true',
      SWITCHBOARD_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    });
    const admin = await harness.agentSession();
    const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    if (!site) throw new Error('no demo site');
    expect(
      (await harness.send('PUT', `/v1/sites/${site.id}/business-hours`, CLOSED, admin.token)).status,
    ).toBe(200);
    const noAgent = await harness.send(
      'PUT',
      `/v1/sites/${site.id}/no-agent`,
      { mode: 'offline_form', notifyWebhookUrl: receiver.url, notifyEmail: 'team@example.com' },
      admin.token,
    );
    expect(noAgent.status).toBe(200);
    const secret = (await harness.get<{ signingSecret: string }>(`/v1/sites/${site.id}/bot`, admin.token))
      .body.signingSecret;

    const { token } = await harness.visitorSession();
    const visitor = await harness.visitorSocket(token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const conversationId = started.data.id;
    const say = async (text: string) => {
      await visitor.emitWithAck('message:send', { conversationId, clientMessageId: ulid(), text });
      await harness?.switchboard.services.bots.idle();
    };
    const messages = async () =>
      (await harness!.get<MessagePage>(`/v1/conversations/${conversationId}/messages?limit=100`, token)).body
        .items;

    await say('hello');
    await say('talk to a human');
    // The demo bot asks for an email before handing off.
    expect((await messages()).at(-1)?.text).toMatch(/email/i);
    await say('ada@example.com');
    const afterHours = (await messages()).at(-1);
    expect(afterHours).toMatchObject({ authorKind: 'system', text: CLOSED.afterHours.message });
    expect(afterHours?.form?.fields.map((f) => f.name)).toEqual(['name', 'email', 'message']);
    expect(await harness.switchboard.store.conversations.byId(conversationId)).toMatchObject({
      status: 'queued',
      handoff: { reason: 'visitor_request' },
    });

    const submission = {
      conversationId,
      clientMessageId: ulid(),
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      message: 'Please call me back about order A1234.',
    };
    const submitted = await visitor.emitWithAck('offline_form:submit', submission);
    if (!submitted.ok) throw new Error(submitted.error.message);
    expect(submitted.data).toMatchObject({ authorKind: 'visitor', text: submission.message });

    // Stored: the message, the contact's details, the timeline; the conversation awaits an agent.
    expect((await messages()).at(-1)?.id).toBe(submitted.data.id);
    const conversation = await harness.switchboard.store.conversations.byId(conversationId);
    expect(conversation?.status).toBe('queued');
    const contact = await harness.switchboard.store.contacts.byId(conversation?.contactId ?? '');
    expect(contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const types = (await harness.switchboard.store.timeline.list(conversationId)).map((e) => e.type);
    expect(types).toContain('offline_form_submitted');

    // Notified: a signed webhook and an email.
    await expect.poll(() => receiver?.requests.length, { timeout: 5000 }).toBe(1);
    const hook = receiver.requests[0];
    const body = JSON.parse(hook?.rawBody.toString() ?? '{}') as { event: string; message: Message };
    expect(body).toMatchObject({ event: 'offline_form.submitted', message: { text: submission.message } });
    expect(
      verifySignature(
        secret,
        String(hook?.headers['x-switchboard-timestamp']),
        hook?.rawBody ?? '',
        String(hook?.headers['x-switchboard-signature']),
      ),
    ).toBe(true);
    await expect.poll(() => smtp?.mails.length, { timeout: 5000 }).toBe(1);
    expect(smtp.mails[0]?.to).toEqual(['team@example.com']);
    expect(smtp.mails[0]?.raw).toContain('Please call me back about order A1234.');

    // A retried submission is the same message, and nobody is notified twice.
    const again = await visitor.emitWithAck('offline_form:submit', submission);
    expect(again).toMatchObject({ ok: true, data: { id: submitted.data.id } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
  });

  it('from a chat still with the bot: hands off without offering the form a second time', async () => {
    harness = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' });
    const admin = await harness.agentSession();
    const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    await harness.send('PUT', `/v1/sites/${site?.id}/business-hours`, CLOSED, admin.token);
    const { token } = await harness.visitorSession();
    const visitor = await harness.visitorSocket(token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const submitted = await visitor.emitWithAck('offline_form:submit', {
      conversationId: started.data.id,
      clientMessageId: ulid(),
      email: 'bo@example.com',
      message: 'Call me',
    });
    expect(submitted).toMatchObject({ ok: true });
    const conversation = await harness.switchboard.store.conversations.byId(started.data.id);
    expect(conversation).toMatchObject({ status: 'queued', handoff: { reason: 'visitor_request' } });
    const items = (await harness.get<MessagePage>(`/v1/conversations/${started.data.id}/messages`, token))
      .body.items;
    expect(items.filter((m) => m.form !== null)).toHaveLength(0);
    expect(items.at(-1)).toMatchObject({ authorKind: 'visitor', text: 'Call me' });
  });

  it('rejects a submission without a valid email with the field named', async () => {
    harness = await startHarness();
    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    const result = await visitor.emitWithAck('offline_form:submit', {
      conversationId: started.data.id,
      clientMessageId: ulid(),
      email: 'not-an-email',
      message: 'hi',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [expect.objectContaining({ path: 'email' })] },
    });
  });
});
