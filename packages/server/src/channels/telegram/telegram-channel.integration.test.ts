// The Telegram channel against the real server and a local Bot API stand-in that answers as
// Telegram does: the secret token, update_id dedupe, a photo fetched through getFile, replies
// through sendMessage, flood control, and one chat through the rules bot, a handoff and an agent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PREFIXES } from '../../test-support/files.js';
import { startHarness, type Harness } from '../../test-support/harness.js';
import { agentReplies, connectChannel, eventually, type ChannelTestKit } from '../testing/channel-harness.js';
import { startStandIn, type StandIn, type StandInHandler } from '../testing/stand-in.js';

const TOKEN = '4242:AAH-test_token';
const SECRET = 'switchboard_tg-secret';

let h: Harness;
let api: StandIn;
let kit: ChannelTestKit;
let nextMessageId = 100;

/** Telegram as it answers a bot: sent messages get ids, files are served after getFile. */
const telegram: StandInHandler = (request) => {
  if (request.path === `/bot${TOKEN}/getFile`)
    return {
      body: {
        ok: true,
        result: {
          file_id: 'photo-large',
          file_unique_id: 'u1',
          file_size: 200,
          file_path: 'photos/file_3.jpg',
        },
      },
    };
  if (request.path === `/file/bot${TOKEN}/photos/file_3.jpg`) return { body: PREFIXES.jpeg };
  const chatId = (request.json as { chat_id?: string } | undefined)?.chat_id;
  return {
    body: { ok: true, result: { message_id: (nextMessageId += 1), chat: { id: Number(chatId) }, date: 1 } },
  };
};

const headers = (secret = SECRET) => ({
  'content-type': 'application/json',
  'x-telegram-bot-api-secret-token': secret,
});

let updateId = 5000;
function update(chatId: number, message: Record<string, unknown>) {
  updateId += 1;
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      from: { id: chatId, is_bot: false, first_name: 'Ada', last_name: 'Lovelace', username: 'ada' },
      chat: { id: chatId, type: 'private' },
      date: Math.floor(Date.now() / 1000),
      ...message,
    },
  });
}

async function conversationOf(chatId: number) {
  const contact = await h.switchboard.store.channels.contactAt(kit.account.id, String(chatId));
  return (await kit.conversations()).find((c) => c.contactId === contact?.contactId);
}

beforeAll(async () => {
  h = await startHarness({ SWITCHBOARD_DEMO_BOT: 'true' }, { channelBackoff: () => 20 });
  api = await startStandIn(telegram);
  kit = await connectChannel(h, 'telegram', { botToken: TOKEN, secretToken: SECRET, apiBaseUrl: api.url });
});

afterAll(async () => {
  await h.close();
  await api.close();
});

afterEach(() => api.handle(telegram));

describe('telegram channel', () => {
  it('refuses a missing, wrong or one-character-changed secret token and writes nothing', async () => {
    const before = h.count('messages');
    const body = update(666, { text: 'let me in' });
    const missing = await kit.deliver(body, { 'content-type': 'application/json' });
    const wrong = await kit.deliver(body, headers('another-secret'));
    const oneChar = await kit.deliver(body, headers(`${SECRET.slice(0, -1)}T`));
    for (const refused of [missing, wrong, oneChar]) {
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(h.count('messages')).toBe(before);
    expect(await h.switchboard.store.channels.contactAt(kit.account.id, '666')).toBeNull();
  });

  it('takes a chat through the rules bot, a handoff and an agent, each reply through sendMessage', async () => {
    const chatId = 555;
    const hello = update(chatId, { text: 'hello' });
    expect((await kit.deliver(hello, headers())).status).toBe(200);
    // Telegram redelivers an update until it gets a 200: the same update_id stores one message.
    expect((await kit.deliver(hello, headers())).status).toBe(200);

    const conversation = await eventually(() => conversationOf(chatId));
    expect(conversation).toMatchObject({ channel: 'telegram', status: 'bot' });
    const contact = await h.switchboard.store.contacts.byId(conversation.contactId);
    expect(contact?.name).toBe('Ada Lovelace');
    const greeting = await eventually(async () =>
      (await kit.messages(conversation.id)).find((m) => m.authorKind === 'bot'),
    );
    const visitorTexts = (await kit.messages(conversation.id))
      .filter((m) => m.authorKind === 'visitor')
      .map((m) => m.text);
    expect(visitorTexts).toEqual(['hello']);

    // The greeting left through the Bot API as Telegram expects it, its quick replies a keyboard.
    const sentGreeting = await eventually(() =>
      api.requests.find((r) => r.path === `/bot${TOKEN}/sendMessage` && r.json !== undefined),
    );
    expect(sentGreeting.method).toBe('POST');
    expect(sentGreeting.headers['content-type']).toBe('application/json');
    expect(sentGreeting.json).toEqual({
      chat_id: String(chatId),
      text: greeting.text,
      reply_markup: {
        keyboard: greeting.quickReplies.map((reply) => [{ text: reply.label }]),
        one_time_keyboard: true,
        resize_keyboard: true,
      },
    });
    expect(greeting.quickReplies.length).toBeGreaterThan(0);

    // The agent comes online first, so the handoff routes the chat to them.
    const agent = await h.agentSocket(kit.adminToken);
    await kit.deliver(update(chatId, { text: 'I want to talk to a human' }), headers());
    // Telegram tells us no email address: the bot asks for one before it hands off.
    const botTexts = async () =>
      (await kit.messages(conversation.id)).filter((m) => m.authorKind === 'bot').map((m) => m.text);
    await eventually(async () => ((await botTexts()).length >= 2 ? true : undefined));
    expect((await botTexts()).at(-1)).toContain('email');
    await kit.deliver(update(chatId, { text: 'ada@example.com' }), headers());
    const assigned = await eventually(async () => {
      const current = await conversationOf(chatId);
      return current?.status === 'active' ? current : undefined;
    });
    expect(assigned.handoff?.reason).toBe('visitor_request');
    expect(assigned.assigneeId).not.toBeNull();
    expect((await h.switchboard.store.contacts.byId(assigned.contactId))?.email).toBe('ada@example.com');

    const sent = await agentReplies(agent, conversation.id, 'Hi Ada, Grace here. How can I help?');
    expect(sent.delivery?.state).toBe('pending');
    const reply = await eventually(() =>
      api.requests.find((r) => (r.json as { text?: string } | undefined)?.text?.startsWith('Hi Ada')),
    );
    expect(reply.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(reply.json).toEqual({ chat_id: String(chatId), text: 'Hi Ada, Grace here. How can I help?' });

    // Telegram has no receipts: the send's result is the last word, 'sent' under chat:message id.
    const stored = await kit.deliveryReaches(conversation.id, sent.id, 'sent');
    expect(stored.delivery).toMatchObject({ state: 'sent', error: null });
    const externalId = `${chatId}:${nextMessageId}`;
    const byExternalId = await h.switchboard.store.channels.messageByExternalId(kit.account.id, [externalId]);
    expect(byExternalId?.id).toBe(sent.id);
  });

  it('downloads a photo through getFile and keeps it as an image attachment', async () => {
    const chatId = 777;
    await kit.deliver(
      update(chatId, {
        caption: 'the parcel arrived like this',
        photo: [
          { file_id: 'photo-small', file_unique_id: 's', width: 90, height: 60 },
          { file_id: 'photo-large', file_unique_id: 'l', width: 720, height: 477 },
        ],
      }),
      headers(),
    );
    const conversation = await eventually(() => conversationOf(chatId));
    const withPhoto = await eventually(async () =>
      (await kit.messages(conversation.id)).find((m) => m.text === 'the parcel arrived like this'),
    );
    expect(withPhoto.attachments).toEqual([
      expect.objectContaining({ contentType: 'image/jpeg', kind: 'image', width: 720, height: 477 }),
    ]);
    const getFile = api.requests.find((r) => r.path === `/bot${TOKEN}/getFile`);
    expect(getFile?.json).toEqual({ file_id: 'photo-large' });
    expect(
      api.requests.some((r) => r.method === 'GET' && r.path === `/file/bot${TOKEN}/photos/file_3.jpg`),
    ).toBe(true);
  });

  it('keeps a message whose file Telegram will not hand over, with a note for the agent', async () => {
    const chatId = 778;
    api.handle((request) =>
      request.path === `/bot${TOKEN}/getFile`
        ? { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: file is too big' } }
        : telegram(request),
    );
    await kit.deliver(
      update(chatId, {
        caption: 'the whole manual',
        document: {
          file_id: 'doc-huge',
          file_name: 'manual.pdf',
          mime_type: 'application/pdf',
          file_size: 48_000_000,
        },
      }),
      headers(),
    );
    const conversation = await eventually(() => conversationOf(chatId));
    const [kept] = (await kit.messages(conversation.id)).filter((m) => m.authorKind === 'visitor');
    expect(kept?.text).toBe(
      'the whole manual\n[attachment "manual.pdf" not kept: Telegram getFile: 400 Bad Request: file is too big]',
    );
    expect(kept?.attachments).toEqual([]);
  });

  it('registers the webhook with setWebhook for an admin, and reports Telegram refusing it', async () => {
    const path = `/v1/channels/${kit.account.id}/register-webhook`;
    const registered = await h.send<{ webhookUrl: string }>('POST', path, {}, kit.adminToken);
    expect(registered.status).toBe(200);
    expect(registered.body.webhookUrl).toBe(kit.account.webhookUrl);
    const setWebhook = api.requests.filter((r) => r.path === `/bot${TOKEN}/setWebhook`);
    expect(setWebhook.map((r) => r.json)).toEqual([
      { url: kit.account.webhookUrl, secret_token: SECRET, allowed_updates: ['message'] },
    ]);

    const { token: agentToken } = await h.createAgent();
    expect((await h.send('POST', path, {}, agentToken)).status).toBe(403);

    api.handle(() => ({
      status: 400,
      body: {
        ok: false,
        error_code: 400,
        description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook',
      },
    }));
    const refused = await h.send<{ error: { code: string; message: string } }>(
      'POST',
      path,
      {},
      kit.adminToken,
    );
    expect(refused.status).toBe(502);
    expect(refused.body.error).toMatchObject({
      code: 'upstream_failed',
      message: 'Telegram setWebhook: 400 Bad Request: bad webhook: HTTPS url must be provided for webhook',
    });
  });

  it('waits as long as flood control asks before sending again', async () => {
    const conversation = await eventually(() => conversationOf(555));
    const agent = await h.agentSocket(kit.adminToken);
    const attempts: number[] = [];
    api.handle((request) => {
      if (!(request.json as { text?: string } | undefined)?.text?.startsWith('Slow down'))
        return telegram(request);
      attempts.push(Date.now());
      return attempts.length === 1
        ? {
            status: 429,
            body: {
              ok: false,
              error_code: 429,
              description: 'Too Many Requests: retry after 1',
              parameters: { retry_after: 1 },
            },
          }
        : telegram(request);
    });
    const sent = await agentReplies(agent, conversation.id, 'Slow down, please');
    await eventually(async () => {
      await kit.flush();
      const found = (await kit.messages(conversation.id)).find((m) => m.id === sent.id);
      return found?.delivery?.state === 'sent' ? found : undefined;
    });
    expect(attempts).toHaveLength(2);
    // The test's backoff is 20 ms; Telegram's retry_after (1 s) wins.
    expect((attempts[1] ?? 0) - (attempts[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});
