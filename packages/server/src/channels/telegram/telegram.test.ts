// The Telegram adapter on its own: the secret-token check, Updates into events, messages into
// Bot API calls, and the Bot API's errors against a local stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChannelSendError,
  InboundEvent,
  InboundRequest,
  OutboundFile,
  OutboundMessage,
} from '../adapter.js';
import { createAdapterContext } from '../context.js';
import { startStandIn, type StandIn } from '../testing/stand-in.js';
import { telegramChannel } from './adapter.js';
import { TelegramConfig } from './config.js';
import { callsFor } from './send.js';

const config = TelegramConfig.parse({ botToken: '123456:ABC-def_ghi', secretToken: 'tg_Secret-42' });

function request(body: unknown, headers: Record<string, string> = {}): InboundRequest {
  return {
    method: 'POST',
    url: new URL('http://localhost/v1/channels/x/webhook'),
    headers: new Headers(headers),
    rawBody: new Uint8Array(Buffer.from(JSON.stringify(body))),
  };
}

const update = (message: Record<string, unknown>) => ({
  update_id: 900,
  message: { message_id: 7, chat: { id: -100200 }, date: 1_700_000_000, ...message },
});

const outbound = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 'm1',
  conversationId: 'c1',
  to: '42',
  text: 'Hello',
  quickReplies: [],
  cards: [],
  attachments: [],
  thread: { subject: null, references: [] },
  senderName: 'Grace',
  ...overrides,
});

const file = (kind: OutboundFile['kind'], name: string): OutboundFile => ({
  name,
  contentType: kind === 'image' ? 'image/png' : 'application/pdf',
  kind,
  size: 10,
  url: `https://support.example.com/v1/attachments/${name}?key=k`,
  read: () => Promise.resolve(new Uint8Array()),
});

describe('telegram config', () => {
  it('takes secret tokens Telegram takes and refuses others', () => {
    const base = { botToken: '1:a' };
    expect(TelegramConfig.safeParse({ ...base, secretToken: 'A-z_09' }).success).toBe(true);
    expect(TelegramConfig.safeParse({ ...base, secretToken: 'x'.repeat(256) }).success).toBe(true);
    for (const secretToken of ['', 'x'.repeat(257), 'with space', 'slash/no', 'ünï'])
      expect(TelegramConfig.safeParse({ ...base, secretToken }).success).toBe(false);
    expect(config.apiBaseUrl).toBe('https://api.telegram.org');
    expect(TelegramConfig.safeParse({ botToken: '1:a/../x', secretToken: 'ok' }).success).toBe(false);
  });
});

describe('telegram verify', () => {
  it('accepts only the exact secret token', () => {
    const verify = (headers: Record<string, string>) =>
      telegramChannel.verify(config, request({}, headers), 0);
    expect(verify({ 'x-telegram-bot-api-secret-token': 'tg_Secret-42' })).toEqual({ ok: true });
    for (const headers of [
      {} as Record<string, string>,
      { 'x-telegram-bot-api-secret-token': '' },
      { 'x-telegram-bot-api-secret-token': 'tg_Secret-43' },
      { 'x-telegram-bot-api-secret-token': 'TG_SECRET-42' },
      { 'x-telegram-bot-api-secret-token': 'tg_Secret-4' },
    ])
      expect(verify(headers)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('telegram parse', () => {
  // This adapter parses synchronously (the interface also allows a promise).
  const parse = (body: unknown) => telegramChannel.parse(config, request(body)) as InboundEvent[];

  it('turns a text message into an event deduplicated by update_id, addressed by chat', () => {
    expect(parse(update({ text: 'hello', from: { first_name: 'Ada', last_name: 'Lovelace' } }))).toEqual([
      {
        kind: 'message',
        externalId: 'update:900',
        address: '-100200',
        profile: { name: 'Ada Lovelace' },
        text: 'hello',
        media: [],
        sentAt: 1_700_000_000_000,
      },
    ]);
  });

  it('names the sender by username when they have no name, and by nothing when neither', () => {
    expect(parse(update({ text: 'x', from: { username: 'ada_l' } }))[0]).toMatchObject({
      profile: { name: 'ada_l' },
    });
    expect(parse(update({ text: 'x' }))[0]).not.toHaveProperty('profile');
  });

  it('takes the largest size of a photo, with its caption', () => {
    const [event] = parse(
      update({
        caption: 'the box',
        photo: [
          { file_id: 'small', width: 90, height: 60 },
          { file_id: 'large', width: 1280, height: 853 },
          { file_id: 'medium', width: 320, height: 213 },
        ],
      }),
    );
    expect(event).toMatchObject({
      text: 'the box',
      media: [{ source: 'remote', ref: 'large', name: 'photo-7.jpg' }],
    });
  });

  it('keeps a document with its name and type', () => {
    const [event] = parse(
      update({ document: { file_id: 'doc-1', file_name: 'invoice.pdf', mime_type: 'application/pdf' } }),
    );
    expect(event).toMatchObject({
      text: '',
      media: [{ source: 'remote', ref: 'doc-1', name: 'invoice.pdf', contentType: 'application/pdf' }],
    });
  });

  it('tells the agent about a message it cannot bridge instead of showing it empty', () => {
    const [event] = parse(update({ sticker: { file_id: 's' } }));
    expect(event).toMatchObject({ text: '[sticker message: not supported]', media: [] });
  });

  it('ignores every update that is not a new message', () => {
    expect(parse({ update_id: 901, edited_message: { message_id: 7, chat: { id: 1 }, date: 1 } })).toEqual(
      [],
    );
    expect(parse({ update_id: 902, callback_query: { id: 'q' } })).toEqual([]);
  });

  it('throws on a body that is not an Update', () => {
    expect(() => parse({ message: { text: 'no update_id' } })).toThrow();
    expect(() =>
      telegramChannel.parse(config, { ...request({}), rawBody: new Uint8Array([0x7b]) }),
    ).toThrow();
  });
});

describe('telegram outbound calls', () => {
  it('sends text with quick replies as a one-time keyboard and cards as lines', () => {
    const calls = callsFor(
      outbound({
        quickReplies: [
          { label: 'Shipping', value: 'How long does shipping take?' },
          { label: 'Returns', value: 'How do returns work?' },
        ],
        cards: [
          { title: 'Ridge tent', subtitle: '1.4 kg', price: '€249', url: 'https://shop.example/tent' },
          { title: 'Stove', url: '/products/stove' },
        ],
      }),
    );
    expect(calls).toEqual([
      {
        method: 'sendMessage',
        body: {
          chat_id: '42',
          text: 'Hello\n\n• Ridge tent — €249\n1.4 kg\nhttps://shop.example/tent\n\n• Stove',
          reply_markup: {
            keyboard: [[{ text: 'Shipping' }], [{ text: 'Returns' }]],
            one_time_keyboard: true,
            resize_keyboard: true,
          },
        },
      },
    ]);
  });

  it('sends images with sendPhoto and other files with sendDocument, the text as the first caption', () => {
    const photo = file('image', 'dot.png');
    const pdf = file('document', 'invoice.pdf');
    expect(callsFor(outbound({ text: 'Your files', attachments: [photo, pdf] }))).toEqual([
      { method: 'sendPhoto', body: { chat_id: '42', photo: photo.url, caption: 'Your files' } },
      { method: 'sendDocument', body: { chat_id: '42', document: pdf.url } },
    ]);
  });

  it('sends a text too long for a caption on its own, and cuts one too long for a message', () => {
    const long = `${'word '.repeat(300)}end`;
    const [first, second] = callsFor(outbound({ text: long, attachments: [file('image', 'a.png')] }));
    expect(first).toEqual({ method: 'sendMessage', body: { chat_id: '42', text: long } });
    expect(second?.body).not.toHaveProperty('caption');

    const huge = 'x'.repeat(5000);
    const parts = callsFor(outbound({ text: huge }));
    expect(parts.map((call) => (call.body.text as string).length)).toEqual([4096, 904]);
  });
});

describe('telegram send against the Bot API stand-in', () => {
  let api: StandIn;
  let local: TelegramConfig;
  const context = createAdapterContext(2000, Date.now);

  beforeAll(async () => {
    api = await startStandIn();
    local = TelegramConfig.parse({ ...config, apiBaseUrl: api.url });
  });
  afterAll(() => api.close());

  it('answers the chat and message id of the last call', async () => {
    api.handle(() => ({ body: { ok: true, result: { message_id: 314, chat: { id: 42 }, date: 1 } } }));
    expect(await telegramChannel.send(local, outbound(), context)).toEqual({ externalId: '42:314' });
    expect(api.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/bot123456:ABC-def_ghi/sendMessage',
      json: { chat_id: '42', text: 'Hello' },
    });
  });

  it('retries flood control no sooner than Telegram asks, and 5xx; not a refusal', async () => {
    const failure = async (status: number, body: unknown) => {
      api.handle(() => ({ status, body }));
      return telegramChannel.send(local, outbound(), context).then(
        () => expect.unreachable('the send should fail'),
        (error: unknown) => error as ChannelSendError,
      );
    };
    const flood = await failure(429, {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
    expect(flood).toMatchObject({ name: 'ChannelSendError', retryable: true, retryAfterMs: 7000 });
    expect(flood.message).toBe('Telegram sendMessage: 429 Too Many Requests: retry after 7');
    expect(await failure(502, 'Bad Gateway')).toMatchObject({ retryable: true });
    const refused = await failure(403, {
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    expect(refused).toMatchObject({ retryable: false });
    // The token is in the URL, never in what agents see.
    expect(refused.message).not.toContain('ABC-def_ghi');
  });
});
