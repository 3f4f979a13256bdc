// Acceptance: a webhook bot on a real local HTTP server, driven by a real visitor socket.
import { ulid, type Message, type MessagePage, type SiteBot } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/harness.js';
import { verifySignature } from './signature.js';
import { answer, startReceiver, type Receiver } from './test-receiver.js';

let harness: Harness;
let receiver: Receiver | null = null;

beforeEach(async () => {
  harness = await startHarness({ SWITCHBOARD_BOT_REPLY_TIMEOUT: '10' }, { webhookBackoff: () => 20 });
});
afterEach(async () => {
  await receiver?.close();
  receiver = null;
  await harness.close();
});

const REPLY = 'Your order ships tomorrow.';

describe('a webhook bot', () => {
  it('gets signed deliveries, is retried after a 500, and a retried delivery yields one reply', async () => {
    const admin = await harness.agentSession();
    const [site] = (await harness.get<{ id: string }[]>('/v1/sites', admin.token)).body;
    if (!site) throw new Error('no demo site');
    let botToken = '';
    let secret = '';
    // A naive bot: it answers every delivery it gets, over REST *and* in the response body,
    // and the first time it crashes (500) after answering. Only the delivery id saves the day.
    receiver = await startReceiver((request, response, index) => {
      const body = JSON.parse(request.rawBody.toString()) as { deliveryId: string; message: Message };
      void (async () => {
        const posted = await harness.send<Message>(
          'POST',
          `/v1/conversations/${body.message.conversationId}/messages`,
          { text: REPLY, deliveryId: body.deliveryId },
          botToken,
        );
        expect(posted.status).toBe(201);
        if (index === 0) answer(response, 500, 'oops');
        else
          answer(response, 200, JSON.stringify({ replies: [{ text: REPLY }] }), {
            'content-type': 'application/json',
          });
      })();
    });
    const configured = await harness.send<SiteBot>(
      'PUT',
      `/v1/sites/${site.id}/bot`,
      { kind: 'webhook', url: receiver.url, maxAttempts: 3, timeoutMs: 2000 },
      admin.token,
    );
    expect(configured.status).toBe(200);
    secret = configured.body.signingSecret;
    botToken = (
      await harness.send<{ token: string }>('POST', `/v1/sites/${site.id}/bot/token`, {}, admin.token)
    ).body.token;

    const visitor = await harness.visitorSocket((await harness.visitorSession()).token);
    const started = await visitor.emitWithAck('conversation:start', {});
    if (!started.ok) throw new Error('start failed');
    expect(started.data.status).toBe('bot');
    const sent = await visitor.emitWithAck('message:send', {
      conversationId: started.data.id,
      clientMessageId: ulid(),
      text: 'Where is my order?',
    });
    if (!sent.ok) throw new Error('send failed');

    await expect.poll(() => receiver?.requests.length, { timeout: 5000 }).toBe(2);
    await harness.switchboard.services.bots.idle();
    const [first, second] = receiver.requests;
    for (const request of [first, second]) {
      const headers = request?.headers ?? {};
      expect(headers['x-switchboard-delivery']).toBe(sent.data.id);
      expect(
        verifySignature(
          secret,
          String(headers['x-switchboard-timestamp']),
          request?.rawBody ?? '',
          String(headers['x-switchboard-signature']),
        ),
      ).toBe(true);
    }
    expect(
      verifySignature(
        'not the secret',
        String(first?.headers['x-switchboard-timestamp']),
        first?.rawBody ?? '',
        String(first?.headers['x-switchboard-signature']),
      ),
    ).toBe(false);

    const { body: history } = await harness.get<MessagePage>(
      `/v1/conversations/${started.data.id}/messages`,
      admin.token,
    );
    const botReplies = history.items.filter((m) => m.authorKind === 'bot');
    expect(botReplies.map((m) => m.text)).toEqual([REPLY]);
    expect((await harness.switchboard.store.conversations.byId(started.data.id))?.status).toBe('bot');
  });
});
