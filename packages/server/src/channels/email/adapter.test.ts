// The adapter's verify and parse on requests built as Mailgun and mail clients build them.
import { describe, expect, it } from 'vitest';
import type { InboundMessage, InboundRequest } from '../adapter.js';
import { createEmailChannel } from './adapter.js';
import {
  composeMime,
  mailgunDelivery,
  mailgunFields,
  mimeDelivery,
  PNG,
  type Delivery,
  MIME_SECRET,
  SIGNING_KEY,
  SUPPORT,
} from './testing/deliveries.js';

const CONFIG = {
  signingKey: SIGNING_KEY,
  mimeSecret: MIME_SECRET,
  smtpUrl: 'smtp://127.0.0.1:2525',
  fromAddress: SUPPORT,
};

const request = ({ body, headers }: Delivery): InboundRequest => ({
  method: 'POST',
  url: new URL('http://localhost/v1/channels/a1/webhook'),
  headers: new Headers(headers),
  rawBody: body,
});

async function verifyAndParse(delivery: Delivery, config: unknown = CONFIG) {
  const adapter = createEmailChannel();
  const parsed = adapter.config.parse(config);
  const verdict = await adapter.verify(parsed, request(delivery), Date.now());
  if (!verdict.ok) return { verdict, message: undefined };
  const [message, ...rest] = await adapter.parse(parsed, request(delivery));
  expect(rest).toEqual([]);
  return { verdict, message: message as InboundMessage };
}

describe('email adapter config', () => {
  it('needs a way in: a Mailgun signing key, a MIME secret or both', () => {
    const adapter = createEmailChannel();
    const { signingKey: _s, mimeSecret: _m, ...neither } = CONFIG;
    expect(adapter.config.safeParse(neither).success).toBe(false);
    expect(adapter.config.safeParse({ ...neither, mimeSecret: MIME_SECRET }).success).toBe(true);
    expect(adapter.config.safeParse({ ...CONFIG, smtpUrl: 'http://mail.example' }).success).toBe(false);
    expect(adapter.config.safeParse({ ...CONFIG, extra: 1 }).success).toBe(false);
  });
});

describe('Mailgun deliveries', () => {
  it("reads the parsed fields: the sender lowercased, Mailgun's stripped text, the thread", async () => {
    const fields = mailgunFields({
      from: 'Ada Lovelace <Ada@Example.com>',
      subject: 'Re: Order 42',
      text: 'Still broken.\n\nOn Mon, Grace wrote:\n> Try again',
      strippedText: 'Still broken.',
      messageId: '<reply-1@mail.example.com>',
      inReplyTo: '<ours-1@acme.example>',
      references: '<first@mail.example.com> <ours-1@acme.example>',
    });
    const { verdict, message } = await verifyAndParse(await mailgunDelivery(SIGNING_KEY, fields));
    expect(verdict).toEqual({ ok: true });
    expect(message).toEqual({
      kind: 'message',
      externalId: '<reply-1@mail.example.com>',
      address: 'ada@example.com',
      profile: { email: 'ada@example.com', name: 'Ada Lovelace' },
      text: 'Still broken.',
      media: [],
      thread: { subject: 'Order 42', references: ['<ours-1@acme.example>', '<first@mail.example.com>'] },
    });
  });

  it('takes attachment-N files from a multipart post, and strips quotes itself without stripped-text', async () => {
    const fields = mailgunFields({
      from: 'ada@example.com',
      subject: 'Screenshot',
      text: 'Here it is.\n\n> earlier mail',
      messageId: '<shot@mail.example.com>',
    });
    const file = new File([PNG], 'screen.png', { type: 'image/png' });
    const { message } = await verifyAndParse(await mailgunDelivery(SIGNING_KEY, fields, [file]));
    expect(message?.text).toBe('Here it is.');
    expect(message?.media).toEqual([
      { source: 'inline', name: 'screen.png', contentType: 'image/png', base64: PNG.toString('base64') },
    ]);
  });

  it("reads body-mime, the raw message of a route whose URL ends in 'mime'", async () => {
    const raw = await composeMime({
      from: '"Ada" <ada@example.com>',
      to: 'support@acme.example',
      subject: 'Fwd: Invoice',
      text: 'Please see the invoice.',
      messageId: '<raw-1@mail.example.com>',
      attachments: [{ filename: 'dot.png', content: PNG, contentType: 'image/png' }],
    });
    const fields = { recipient: 'support@acme.example', 'body-mime': raw.toString('utf8') };
    const { message } = await verifyAndParse(await mailgunDelivery(SIGNING_KEY, fields));
    expect(message).toMatchObject({
      externalId: '<raw-1@mail.example.com>',
      address: 'ada@example.com',
      text: 'Please see the invoice.',
      thread: { subject: 'Invoice', references: [] },
      media: [{ name: 'dot.png', contentType: 'image/png', base64: PNG.toString('base64') }],
    });
  });

  it('is refused without a signing key configured, and when the body is not a form', async () => {
    const delivery = await mailgunDelivery(SIGNING_KEY, { from: 'ada@example.com' });
    const { signingKey: _key, ...mimeOnly } = CONFIG;
    expect((await verifyAndParse(delivery, mimeOnly)).verdict).toMatchObject({ ok: false, status: 401 });
    const broken = { body: delivery.body, headers: { 'content-type': 'multipart/form-data; boundary=nope' } };
    expect((await verifyAndParse(broken)).verdict).toMatchObject({ ok: false, status: 401 });
    const json = { body: delivery.body, headers: { 'content-type': 'application/json' } };
    expect((await verifyAndParse(json)).verdict).toMatchObject({ ok: false, status: 401 });
  });
});

describe('raw MIME deliveries', () => {
  it('turns an HTML-only mail into text, cutting the quoted history', async () => {
    const raw = await composeMime({
      from: 'Ada Lovelace <ada@example.com>',
      to: 'support@acme.example',
      subject: 'RE: Order 42',
      html: '<p>It arrived <b>broken</b>.</p><p>On Mon, 2 Jun 2025, Grace wrote:</p><blockquote>Sorry!</blockquote>',
      messageId: '<html-1@mail.example.com>',
      inReplyTo: '<ours@acme.example>',
      date: new Date('2025-06-03T10:00:00Z'),
    });
    const { message } = await verifyAndParse(mimeDelivery(MIME_SECRET, raw));
    expect(message).toMatchObject({
      externalId: '<html-1@mail.example.com>',
      text: 'It arrived broken.',
      thread: { subject: 'Order 42', references: ['<ours@acme.example>'] },
      sentAt: Date.parse('2025-06-03T10:00:00Z'),
    });
  });

  it('is refused with a wrong secret, a changed body, a stale timestamp, or no secret configured', async () => {
    const raw = await composeMime({ from: 'ada@example.com', subject: 'x', text: 'y' });
    const changed = Buffer.from(raw);
    changed.writeUInt8(changed.readUInt8(changed.length - 2) ^ 1, changed.length - 2);
    const signed = mimeDelivery(MIME_SECRET, raw);
    const { mimeSecret: _secret, ...mailgunOnly } = CONFIG;
    for (const [delivery, config] of [
      [mimeDelivery('another-secret-of-length', raw), CONFIG],
      [{ ...signed, body: changed }, CONFIG],
      [mimeDelivery(MIME_SECRET, raw, Math.floor(Date.now() / 1000) - 400), CONFIG],
      [signed, mailgunOnly],
    ] as const) {
      expect((await verifyAndParse(delivery, config)).verdict).toMatchObject({ ok: false, status: 401 });
    }
  });

  it('refuses (400) a signed message that has no From address', async () => {
    const raw = Buffer.from('Subject: nobody\r\n\r\nHello');
    await expect(verifyAndParse(mimeDelivery(MIME_SECRET, raw))).rejects.toThrow('no From address');
  });
});
