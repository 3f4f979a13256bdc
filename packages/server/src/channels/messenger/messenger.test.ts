// The Messenger adapter on its own: the handshake and X-Hub-Signature-256, Page deliveries into
// events, messages into Send API requests, and the Send API's errors against a local stand-in.
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
import { messengerChannel } from './adapter.js';
import { MessengerConfig } from './config.js';
import { requestsFor } from './send.js';
import { hubSignature } from '../meta/hub.js';

const config = MessengerConfig.parse({
  appSecret: '0123456789abcdef0123456789abcdef',
  verifyToken: 'verify-me-please',
  pageAccessToken: 'EAAB-page-token',
  pageId: '1122334455',
});

function request(raw: string, headers: Record<string, string> = {}): InboundRequest {
  return {
    method: 'POST',
    url: new URL('http://localhost/v1/channels/x/webhook'),
    headers: new Headers(headers),
    rawBody: new Uint8Array(Buffer.from(raw)),
  };
}

const page = (...messaging: unknown[]) => ({
  object: 'page',
  entry: [{ id: '1122334455', time: 1_700_000_000_000, messaging }],
});

const from = (message: Record<string, unknown>) => ({
  sender: { id: 'PSID-1' },
  recipient: { id: '1122334455' },
  timestamp: 1_700_000_000_123,
  message: { mid: 'm_1', ...message },
});

const outbound = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 'x1',
  conversationId: 'c1',
  to: 'PSID-1',
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
  contentType: 'application/octet-stream',
  kind,
  size: 1,
  url: `https://support.example.com/v1/attachments/${name}?key=k`,
  read: () => Promise.resolve(new Uint8Array()),
});

describe('messenger handshake', () => {
  const handshake = (query: string) => messengerChannel.handshake?.(config, new URLSearchParams(query));

  it('echoes the challenge for our verify token only', () => {
    expect(
      handshake('hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=1158201444'),
    ).toEqual({
      status: 200,
      body: '1158201444',
    });
    expect(handshake('hub.mode=subscribe&hub.verify_token=verify-me-pleasE&hub.challenge=1')).toBeNull();
    expect(handshake('hub.mode=unsubscribe&hub.verify_token=verify-me-please&hub.challenge=1')).toBeNull();
    expect(handshake('hub.verify_token=verify-me-please')).toBeNull();
  });
});

describe('messenger verify', () => {
  const raw = JSON.stringify(page(from({ text: 'hi' })));
  const verify = (body: string, header?: string) =>
    messengerChannel.verify(
      config,
      request(body, header === undefined ? {} : { 'x-hub-signature-256': header }),
      0,
    );

  it('accepts the app secret’s HMAC of the exact bytes', () => {
    expect(verify(raw, hubSignature(config.appSecret, raw))).toEqual({ ok: true });
    expect(
      verify(raw, hubSignature(config.appSecret, raw).toUpperCase().replace('SHA256', 'sha256')),
    ).toEqual({
      ok: true,
    });
  });

  it('refuses a missing, malformed, wrong-key or other-body signature', () => {
    const good = hubSignature(config.appSecret, raw);
    for (const header of [
      undefined,
      '',
      good.slice(0, -1),
      good.replace('sha256=', 'sha1='),
      hubSignature('another-secret-entirely', raw),
      hubSignature(config.appSecret, `${raw} `),
    ])
      expect(verify(raw, header)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('messenger parse', () => {
  // This adapter parses synchronously (the interface also allows a promise).
  const parse = (body: unknown) =>
    messengerChannel.parse(config, request(JSON.stringify(body))) as InboundEvent[];

  it('turns a message into an event deduplicated by mid, addressed by PSID', () => {
    expect(parse(page(from({ text: 'hello' })))).toEqual([
      {
        kind: 'message',
        externalId: 'm_1',
        address: 'PSID-1',
        text: 'hello',
        media: [],
        sentAt: 1_700_000_000_123,
      },
    ]);
  });

  it('takes a tapped quick reply’s payload, as the widget sends a value', () => {
    const [event] = parse(
      page(from({ text: 'Shipping', quick_reply: { payload: 'How long does shipping take?' } })),
    );
    expect(event).toMatchObject({ text: 'How long does shipping take?' });
  });

  it('keeps file attachments by their CDN URL and notes the others', () => {
    const [event] = parse(
      page(
        from({
          attachments: [
            { type: 'image', payload: { url: 'https://cdn.example/v/t1/123_456_n.jpg?stp=1&oh=x' } },
            { type: 'file', payload: { url: 'https://cdn.example/f/invoice%20may.pdf' } },
            { type: 'location', payload: { coordinates: { lat: 1, long: 2 } } },
          ],
        }),
      ),
    );
    expect(event).toMatchObject({
      text: '[location attachment: not supported]',
      media: [
        { source: 'remote', ref: 'https://cdn.example/v/t1/123_456_n.jpg?stp=1&oh=x', name: '123_456_n.jpg' },
        { source: 'remote', ref: 'https://cdn.example/f/invoice%20may.pdf', name: 'invoice may.pdf' },
      ],
    });
  });

  it('maps delivery receipts per mid and drops echoes, read marks and other Pages', () => {
    const events = parse({
      object: 'page',
      entry: [
        {
          id: '1122334455',
          messaging: [
            {
              sender: { id: 'PSID-1' },
              recipient: { id: '1122334455' },
              delivery: { mids: ['m_a', 'm_b'], watermark: 5 },
            },
            { sender: { id: 'PSID-1' }, recipient: { id: '1122334455' }, delivery: { watermark: 6 } },
            { sender: { id: 'PSID-1' }, recipient: { id: '1122334455' }, read: { watermark: 7 } },
            {
              sender: { id: '1122334455' },
              recipient: { id: 'PSID-1' },
              message: { mid: 'm_echo', is_echo: true, text: 'we said' },
            },
          ],
        },
        { id: '999', messaging: [from({ mid: 'm_other', text: 'for another Page' })] },
      ],
    });
    expect(events).toEqual([
      { kind: 'status', externalId: 'm_a:delivered', messageExternalId: 'm_a', state: 'delivered' },
      { kind: 'status', externalId: 'm_b:delivered', messageExternalId: 'm_b', state: 'delivered' },
    ]);
  });

  it('throws on what is not a Page delivery', () => {
    expect(() => parse({ object: 'instagram', entry: [] })).toThrow();
    expect(() => parse(page({ sender: {}, message: { text: 'no mid' } }))).toThrow();
  });
});

describe('messenger outbound requests', () => {
  it('sends text with quick replies (titles cut to 20) and cards as lines', () => {
    expect(
      requestsFor(
        outbound({
          quickReplies: [
            { label: 'Shipping', value: 'How long does shipping take?' },
            { label: 'Where is my order, please?', value: 'Where is my order?' },
          ],
          cards: [{ title: 'Trail pack', price: '€129' }],
        }),
      ),
    ).toEqual([
      {
        recipient: { id: 'PSID-1' },
        messaging_type: 'RESPONSE',
        message: {
          text: 'Hello\n\n• Trail pack — €129',
          quick_replies: [
            { content_type: 'text', title: 'Shipping', payload: 'How long does shipping take?' },
            { content_type: 'text', title: 'Where is my order, …', payload: 'Where is my order?' },
          ],
        },
      },
    ]);
  });

  it('sends each file on its own after the text, documents as files, quick replies on the last', () => {
    const image = file('image', 'dot.png');
    const pdf = file('document', 'invoice.pdf');
    const requests = requestsFor(
      outbound({ attachments: [image, pdf], quickReplies: [{ label: 'Thanks', value: 'thanks' }] }),
    );
    expect(requests.map((r) => r.message)).toEqual([
      { text: 'Hello' },
      { attachment: { type: 'image', payload: { url: image.url, is_reusable: false } } },
      {
        attachment: { type: 'file', payload: { url: pdf.url, is_reusable: false } },
        quick_replies: [{ content_type: 'text', title: 'Thanks', payload: 'thanks' }],
      },
    ]);
  });

  it('cuts text longer than 2,000 characters into several messages', () => {
    const text = `${'a'.repeat(1500)} ${'b'.repeat(1500)}`;
    expect(requestsFor(outbound({ text })).map((r) => (r.message as { text: string }).text)).toEqual([
      'a'.repeat(1500),
      'b'.repeat(1500),
    ]);
  });
});

describe('messenger send against a Send API stand-in', () => {
  let graph: StandIn;
  let local: MessengerConfig;
  const context = createAdapterContext(2000, Date.now);

  beforeAll(async () => {
    graph = await startStandIn();
    local = MessengerConfig.parse({ ...config, graphBaseUrl: graph.url });
  });
  afterAll(() => graph.close());

  const failure = async (status: number, body: unknown) => {
    graph.handle(() => ({ status, body }));
    return messengerChannel.send(local, outbound(), context).then(
      () => expect.unreachable('the send should fail'),
      (error: unknown) => error as ChannelSendError,
    );
  };

  it('answers the mid Meta gives', async () => {
    graph.handle(() => ({ body: { recipient_id: 'PSID-1', message_id: 'm_sent_1' } }));
    expect(await messengerChannel.send(local, outbound(), context)).toEqual({ externalId: 'm_sent_1' });
    expect(graph.requests.at(-1)?.path).toBe('/v21.0/me/messages?access_token=EAAB-page-token');
  });

  it('retries rate limits and Meta’s own failures, not a refusal', async () => {
    const rateLimited = await failure(400, {
      error: {
        message: 'Calls to this api have exceeded the rate limit.',
        type: 'OAuthException',
        code: 613,
      },
    });
    expect(rateLimited).toMatchObject({ name: 'ChannelSendError', retryable: true });
    expect(rateLimited.message).toBe(
      'Messenger Send API: (#613) Calls to this api have exceeded the rate limit.',
    );
    expect(await failure(500, { error: { message: 'An unknown error occurred', code: 1 } })).toMatchObject({
      retryable: true,
    });
    expect(await failure(503, 'Service Unavailable')).toMatchObject({ retryable: true });
    const outside = await failure(400, {
      error: {
        message: 'This message is sent outside of allowed window.',
        type: 'OAuthException',
        code: 10,
        error_subcode: 2018278,
      },
    });
    expect(outside).toMatchObject({ retryable: false });
    expect(outside.message).not.toContain('EAAB-page-token');
  });
});
