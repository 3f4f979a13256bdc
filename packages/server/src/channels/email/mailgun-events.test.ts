// Mailgun's event webhooks through the adapter's verify and parse, on posts built as Mailgun's
// "Webhook Payloads" shows them.
import { describe, expect, it } from 'vitest';
import type { InboundRequest } from '../adapter.js';
import { createEmailChannel } from './adapter.js';
import { SIGNING_KEY, SUPPORT, type Delivery } from './testing/deliveries.js';
import {
  mailgunEventData,
  mailgunEventDelivery,
  withSignature,
  type MailgunEvent,
} from './testing/mailgun-events.js';

const CONFIG = {
  signingKey: SIGNING_KEY,
  smtpUrl: 'smtp://127.0.0.1:2525',
  fromAddress: SUPPORT,
};
const SENT = '<01JZ8Q0T3V6Y7W2X4K5M9N0P1R@acme.example>';

const request = ({ body, headers }: Delivery): InboundRequest => ({
  method: 'POST',
  url: new URL('http://localhost/v1/channels/a1/webhook'),
  headers: new Headers(headers),
  rawBody: body,
});

function channel() {
  const adapter = createEmailChannel();
  const config = adapter.config.parse(CONFIG);
  return {
    verify: (delivery: Delivery, now = Date.now()) => adapter.verify(config, request(delivery), now),
    parse: (delivery: Delivery) => adapter.parse(config, request(delivery)),
  };
}

const post = (event: MailgunEvent) => mailgunEventDelivery(SIGNING_KEY, mailgunEventData(event));

describe('Mailgun event webhooks: verify', () => {
  it('accepts a signed event once and refuses its token again, even with other event-data', async () => {
    const email = channel();
    const delivered = post({ kind: 'delivered', messageId: SENT });
    expect(await email.verify(delivered)).toEqual({ ok: true });
    expect(await email.verify(delivered)).toMatchObject({ ok: false, status: 401 });
    // Mailgun signs timestamp + token only: a capture carrying a forged failure is still a replay.
    const signature = JSON.parse(new TextDecoder().decode(delivered.body)) as {
      signature: Record<string, string>;
    };
    const forged = withSignature(post({ kind: 'permanent-failure', messageId: SENT }), signature.signature);
    expect(await email.verify(forged)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already used') as string,
    });
  });

  it('refuses a wrong key, a changed signature, token or timestamp, a missing signature and a stale one', async () => {
    const email = channel();
    const genuine = post({ kind: 'delivered', messageId: SENT });
    const { signature } = JSON.parse(new TextDecoder().decode(genuine.body)) as {
      signature: { timestamp: string; token: string; signature: string };
    };
    const flipped = signature.signature.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const stale = mailgunEventDelivery(
      SIGNING_KEY,
      mailgunEventData({ kind: 'delivered', messageId: SENT }),
      {
        timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
      },
    );
    const unsigned = {
      ...genuine,
      body: new TextEncoder().encode(
        JSON.stringify({ 'event-data': mailgunEventData({ kind: 'delivered', messageId: SENT }) }),
      ),
    };
    for (const refused of [
      mailgunEventDelivery(
        'key-of-somebody-else-entirely',
        mailgunEventData({ kind: 'delivered', messageId: SENT }),
      ),
      withSignature(genuine, { signature: flipped }),
      withSignature(genuine, { token: `${signature.token}x` }),
      withSignature(genuine, { timestamp: String(Number(signature.timestamp) + 1) }),
      unsigned,
      stale,
      { ...genuine, body: new TextEncoder().encode('{not json') },
    ]) {
      expect(await email.verify(refused)).toMatchObject({ ok: false, status: 401 });
    }
    // None of the refusals used the genuine token up.
    expect(await email.verify(genuine)).toEqual({ ok: true });
  });

  it('takes the timestamp as a number too, as the field table types it', async () => {
    const genuine = post({ kind: 'delivered', messageId: SENT });
    const { signature } = JSON.parse(new TextDecoder().decode(genuine.body)) as {
      signature: { timestamp: string };
    };
    const body = JSON.parse(new TextDecoder().decode(genuine.body)) as Record<
      string,
      Record<string, unknown>
    >;
    body.signature = { ...body.signature, timestamp: Number(signature.timestamp) };
    const numeric = { ...genuine, body: new TextEncoder().encode(JSON.stringify(body)) };
    expect(await channel().verify(numeric)).toEqual({ ok: true });
  });

  it('refuses events for an account without a signing key', async () => {
    const adapter = createEmailChannel();
    const config = adapter.config.parse({
      ...CONFIG,
      signingKey: undefined,
      mimeSecret: 'a-long-enough-mime-secret',
    });
    expect(
      await adapter.verify(config, request(post({ kind: 'delivered', messageId: SENT })), Date.now()),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not enabled') as string,
    });
  });
});

describe('Mailgun event webhooks: parse', () => {
  it('maps delivered to delivered and opened to read, for our bracketed Message-ID, one dedupe key per event', async () => {
    const email = channel();
    const delivered = await email.parse(post({ kind: 'delivered', messageId: SENT }));
    expect(delivered).toEqual([
      {
        kind: 'status',
        externalId: expect.stringContaining(SENT) as string,
        messageExternalId: SENT,
        state: 'delivered',
      },
    ]);
    const opened = await email.parse(post({ kind: 'opened', messageId: SENT }));
    const openedAgain = await email.parse(post({ kind: 'opened', messageId: SENT }));
    expect(opened).toEqual([expect.objectContaining({ messageExternalId: SENT, state: 'read' })]);
    const keys = [delivered, opened, openedAgain].map((events) => events[0]?.externalId);
    expect(new Set(keys).size).toBe(3);
  });

  it("maps a permanent failure to failed with the receiving server's answer", async () => {
    const [failed] = await channel().parse(post({ kind: 'permanent-failure', messageId: SENT }));
    expect(failed).toMatchObject({ kind: 'status', messageExternalId: SENT, state: 'failed' });
    expect(failed?.kind === 'status' && failed.error).toBe(
      'Mailgun could not deliver the mail (bounce): 550 5.1.1 No such user here',
    );
    const [suppressed] = await channel().parse(
      post({
        kind: 'permanent-failure',
        messageId: SENT,
        deliveryStatus: {
          code: 605,
          message: '',
          description: 'Not delivering to previously bounced address',
        },
      }),
    );
    expect(suppressed?.kind === 'status' && suppressed.error).toBe(
      'Mailgun could not deliver the mail (bounce): 605 Not delivering to previously bounced address',
    );
  });

  it('ignores temporary failures (Mailgun retries), other events and events without a Message-ID', async () => {
    const email = channel();
    expect(await email.parse(post({ kind: 'temporary-failure', messageId: SENT }))).toEqual([]);
    expect(await email.parse(post({ kind: 'clicked', messageId: SENT }))).toEqual([]);
    const data = mailgunEventData({ kind: 'delivered', messageId: SENT });
    const bare = mailgunEventDelivery(SIGNING_KEY, { ...data, message: { headers: {} } });
    expect(await email.parse(bare)).toEqual([]);
  });

  it('throws on signed JSON that is not an event post', async () => {
    const notAnEvent = mailgunEventDelivery(SIGNING_KEY, {});
    await expect(async () => channel().parse(notAnEvent)).rejects.toThrow();
  });
});
