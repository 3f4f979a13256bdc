// The bot client against a bare socket.io server that speaks the `/bot` contract with fixed data:
// what goes on the wire, how acks and refusals come back, and how handlers are run. The real
// server's side of the same flows is tested in tests/bots/.
import type {
  Ack,
  BotClientToServerEvents,
  BotDelivery,
  BotMessagePayload,
  BotServerToClientEvents,
  Contact,
  Message,
} from '@switchboard/protocol';
import type { Namespace } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import type { ConnectionState } from '../types.js';
import { conversation, message } from '../testing/factories.js';
import { startSocketServer } from '../testing/socket-server.js';
import { waitFor } from '../testing/wait.js';
import { createBotClient } from './bot-client.js';
import type { BotClient, BotClientOptions } from './types.js';

const TOKEN = 'bot-token';

let server: Awaited<ReturnType<typeof startSocketServer>>;
let bots: Namespace<BotClientToServerEvents, BotServerToClientEvents>;
const clients: BotClient[] = [];

beforeEach(async () => {
  server = await startSocketServer();
  bots = server.io.of('/bot');
  bots.use((socket, next) => {
    const { token } = socket.handshake.auth as { token?: string };
    if (token === TOKEN) return next();
    next(Object.assign(new Error('bad token'), { data: { code: 'unauthorized', message: 'Invalid token' } }));
  });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server.close();
});

function bot(options: Partial<BotClientOptions> = {}): BotClient {
  const client = createBotClient({
    serverUrl: server.url,
    token: TOKEN,
    reconnection: { minDelayMs: 20, maxDelayMs: 60 },
    ackTimeoutMs: 500,
    ...options,
  });
  clients.push(client);
  return client;
}

const contact: Contact = {
  id: 'contact_1',
  siteId: 'site_1',
  externalId: null,
  name: null,
  email: null,
  phone: null,
  avatarUrl: null,
  attributes: {},
  preChat: null,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function delivery(seq: number, conversationId = 'c1', text = `question ${seq}`): BotDelivery {
  const visitorMessage = message(seq, { conversationId, text });
  return {
    deliveryId: visitorMessage.id,
    conversation: conversation(conversationId, { status: 'bot', lastSeq: seq }),
    message: visitorMessage,
    contact,
  };
}

/**
 * Stores bot replies the way the real server does: keyed by `deliveryId:part` or
 * `clientMessageId`, so an answer given again returns the first copy.
 */
function replyStore() {
  const received: BotMessagePayload[] = [];
  const stored = new Map<string, Message>();
  const handler = (payload: BotMessagePayload, ack: (ack: Ack<Message>) => void): void => {
    received.push(payload);
    const key = payload.clientMessageId ?? `${payload.deliveryId}:${payload.part ?? 0}`;
    let reply = stored.get(key);
    if (!reply) {
      reply = message(100 + stored.size, {
        conversationId: payload.conversationId,
        authorKind: 'bot',
        text: payload.text,
        quickReplies: payload.quickReplies ?? [],
        cards: payload.cards ?? [],
      });
      stored.set(key, reply);
    }
    ack({ ok: true, data: reply });
  };
  return { received, stored, handler };
}

describe('connecting', () => {
  it('connects with the token in the handshake and reports each state', async () => {
    const client = bot();
    const states: ConnectionState[] = [];
    client.on('connection:changed', (state) => states.push(state));
    expect(client.connection).toBe('idle');
    await client.connect();
    expect(client.connection).toBe('connected');
    client.disconnect();
    expect(states).toEqual(['connecting', 'connected', 'disconnected']);
  });

  it('rejects with unauthorized when the server refuses the token, and stops trying', async () => {
    const client = bot({ token: 'revoked' });
    const errors: SwitchboardError[] = [];
    client.on('error', (error) => errors.push(error));
    const refused = await client.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SwitchboardError);
    expect(refused).toMatchObject({ code: 'unauthorized', message: 'Invalid token' });
    expect(client.connection).toBe('disconnected');
    expect(errors.map((e) => e.code)).toEqual(['unauthorized']);
  });
});

describe('answering visitor messages', () => {
  it('sends each reply with the delivery id and a part counted per delivery', async () => {
    const replies = replyStore();
    bots.on('connection', (socket) => socket.on('bot:reply', replies.handler));
    const client = bot();
    const answered: Message[] = [];
    client.onMessage(async (turn) => {
      answered.push(await turn.reply(`You asked: ${turn.message.text}`));
      answered.push(
        await turn.reply('Anything else?', {
          quickReplies: [{ label: 'No', value: 'No thanks' }],
          cards: [{ title: 'Ridge 2P tent', price: '€249', url: '/#tents' }],
        }),
      );
    });
    await client.connect();

    const first = delivery(1);
    bots.emit('bot:message', first);
    await waitFor(() => answered.length === 2);
    expect(replies.received).toEqual([
      {
        conversationId: 'c1',
        text: 'You asked: question 1',
        quickReplies: [],
        cards: [],
        deliveryId: first.deliveryId,
        part: 0,
      },
      {
        conversationId: 'c1',
        text: 'Anything else?',
        quickReplies: [{ label: 'No', value: 'No thanks' }],
        cards: [{ title: 'Ridge 2P tent', price: '€249', url: '/#tents' }],
        deliveryId: first.deliveryId,
        part: 1,
      },
    ]);
    expect(answered.map((m) => m.text)).toEqual(['You asked: question 1', 'Anything else?']);
  });

  it('acks receipt on its own, once per conversation for a burst, whether or not a handler answers', async () => {
    const receipts: unknown[] = [];
    bots.on('connection', (socket) =>
      socket.on('conversation:delivered', (payload, ack) => {
        receipts.push(payload);
        ack({ ok: true, data: { ...payload, recipient: 'agent', at: '2025-01-01T00:00:00.000Z' } });
      }),
    );
    const client = bot();
    await client.connect();
    bots.emit('bot:message', delivery(1, 'c1'));
    bots.emit('bot:message', delivery(2, 'c1'));
    bots.emit('bot:message', delivery(5, 'c2'));
    await waitFor(() => receipts.length === 2);
    expect(receipts).toEqual([
      { conversationId: 'c1', seq: 2 },
      { conversationId: 'c2', seq: 5 },
    ]);
    // A redelivery of what was acked is not acked again.
    bots.emit('bot:message', delivery(2, 'c1'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receipts).toHaveLength(2);
  });

  it('answers a redelivered message with the same keys, so nothing is stored twice', async () => {
    const replies = replyStore();
    bots.on('connection', (socket) => socket.on('bot:reply', replies.handler));
    const client = bot();
    const answered: Message[] = [];
    client.onMessage(async (turn) => {
      answered.push(await turn.reply('One'));
      answered.push(await turn.reply('Two'));
    });
    await client.connect();

    const again = delivery(1);
    bots.emit('bot:message', again);
    bots.emit('bot:message', again);
    await waitFor(() => answered.length === 4);
    expect(replies.received.map((p) => `${p.deliveryId}:${p.part}`)).toEqual([
      'msg_1:0',
      'msg_1:1',
      'msg_1:0',
      'msg_1:1',
    ]);
    expect(replies.stored.size).toBe(2);
    expect(answered[2]).toEqual(answered[0]);
    expect(answered[3]).toEqual(answered[1]);
  });

  it("numbers the replies of every handler of a delivery together, in the order they're made", async () => {
    const replies = replyStore();
    bots.on('connection', (socket) => socket.on('bot:reply', replies.handler));
    const client = bot();
    client.onMessage(async (turn) => void (await turn.reply('from the first handler')));
    client.onMessage(async (turn) => void (await turn.reply('from the second handler')));
    await client.connect();
    bots.emit('bot:message', delivery(1));
    await waitFor(() => replies.received.length === 2);
    expect(replies.received.map((p) => [p.text, p.part])).toEqual([
      ['from the first handler', 0],
      ['from the second handler', 1],
    ]);
  });

  it("handles one conversation's messages in order and other conversations alongside", async () => {
    bots.on('connection', (socket) => socket.on('bot:reply', replyStore().handler));
    const client = bot();
    const log: string[] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    client.onMessage(async (turn) => {
      log.push(`start ${turn.message.text}`);
      if (turn.message.text === 'slow') await firstHeld;
      log.push(`end ${turn.message.text}`);
    });
    await client.connect();

    bots.emit('bot:message', delivery(1, 'c1', 'slow'));
    bots.emit('bot:message', delivery(2, 'c1', 'next'));
    bots.emit('bot:message', delivery(1, 'c2', 'elsewhere'));
    await waitFor(() => log.includes('end elsewhere'));
    expect(log).toEqual(['start slow', 'start elsewhere', 'end elsewhere']);
    releaseFirst();
    await waitFor(() => log.includes('end next'));
    expect(log.slice(3)).toEqual(['end slow', 'start next', 'end next']);
  });

  it('reports a handler that throws or rejects through error, and keeps going', async () => {
    const replies = replyStore();
    bots.on('connection', (socket) => socket.on('bot:reply', replies.handler));
    const client = bot();
    const errors: SwitchboardError[] = [];
    client.on('error', (error) => errors.push(error));
    client.onMessage((turn) => {
      if (turn.message.text === 'sync') throw new TypeError('sync bug');
    });
    client.onMessage(async (turn) => {
      if (turn.message.text === 'async') throw new Error('async bug');
      await turn.reply('still here');
    });
    await client.connect();

    bots.emit('bot:message', delivery(1, 'c1', 'sync'));
    bots.emit('bot:message', delivery(2, 'c1', 'async'));
    await waitFor(() => errors.length === 2);
    expect(errors.map((e) => e.code)).toEqual(['internal', 'internal']);
    expect(errors[0]?.message).toContain('sync bug');
    expect(errors[0]?.message).toContain('msg_1');
    expect(errors[0]?.cause).toBeInstanceOf(TypeError);
    expect(errors[1]?.message).toContain('async bug');
    // The second handler still answered the first message, after the first handler threw.
    expect(replies.received.map((p) => p.text)).toEqual(['still here']);

    bots.emit('bot:message', delivery(3, 'c1', 'fine'));
    await waitFor(() => replies.received.length === 2);
  });

  it('takes a handler that returns what a helper resolves with (as in docs/bots.md)', async () => {
    const handoffs: string[] = [];
    bots.on('connection', (socket) => {
      socket.on('bot:reply', replyStore().handler);
      socket.on('bot:handoff', (payload, ack) => {
        handoffs.push(payload.reason ?? 'bot_decision');
        ack({ ok: true, data: conversation(payload.conversationId, { status: 'queued' }) });
      });
    });
    const client = bot();
    client.onMessage(async (turn) => {
      if (/human/i.test(turn.message.text)) return turn.handoff({ reason: 'visitor_request' });
      await turn.reply('Returns are free for 60 days.');
    });
    await client.connect();
    bots.emit('bot:message', delivery(1, 'c1', 'A human, please'));
    await waitFor(() => handoffs.length === 1);
    expect(handoffs).toEqual(['visitor_request']);
  });

  it('stops running a handler once unsubscribed', async () => {
    const client = bot();
    const seen: string[] = [];
    const off = client.onMessage((turn) => void seen.push(turn.message.text));
    await client.connect();
    bots.emit('bot:message', delivery(1));
    await waitFor(() => seen.length === 1);
    off();
    bots.emit('bot:message', delivery(2));
    bots.emit('bot:returned', { conversation: conversation('c1', { status: 'bot' }), note: null });
    // The returned event arrives after the delivery, so the delivery was seen and ignored by then.
    await new Promise<void>((resolve) => client.on('returned', () => resolve()));
    expect(seen).toEqual(['question 1']);
  });

  it('refuses a blank reply or an eleventh reply to one message without asking the server', async () => {
    const replies = replyStore();
    bots.on('connection', (socket) => socket.on('bot:reply', replies.handler));
    const client = bot();
    const outcomes: string[] = [];
    client.onMessage(async (turn) => {
      await turn.reply('   ').catch((e: SwitchboardError) => outcomes.push(e.code));
      for (let i = 0; i < 10; i++) await turn.reply(`reply ${i}`);
      await turn.reply('one too many').catch((e: SwitchboardError) => outcomes.push(e.code));
    });
    await client.connect();
    bots.emit('bot:message', delivery(1));
    await waitFor(() => outcomes.length === 2);
    expect(outcomes).toEqual(['invalid_payload', 'invalid_payload']);
    expect(replies.received.map((p) => p.part)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('requests', () => {
  it('rejects with the protocol code of a refused request, e.g. bot_muted', async () => {
    bots.on('connection', (socket) =>
      socket.on('bot:reply', (_payload, ack) =>
        ack({
          ok: false,
          error: {
            code: 'bot_muted',
            message: 'A person has taken over this conversation; the bot is muted',
          },
        }),
      ),
    );
    const client = bot();
    await client.connect();
    const refused = await client.reply('c1', 'Still there?').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SwitchboardError);
    expect(refused).toMatchObject({ code: 'bot_muted', retryable: false });
  });

  it('resolves handoff and collect with the acknowledged data, bound to the turn’s conversation', async () => {
    const handoffs: unknown[] = [];
    const collected: unknown[] = [];
    bots.on('connection', (socket) => {
      socket.on('bot:handoff', (payload, ack) => {
        handoffs.push(payload);
        ack({ ok: true, data: conversation(payload.conversationId, { status: 'queued' }) });
      });
      socket.on('bot:collect', (payload, ack) => {
        collected.push(payload);
        ack({ ok: true, data: { ...contact, email: payload.fields.email ?? null } });
      });
    });
    const client = bot();
    const results: unknown[] = [];
    client.onMessage(async (turn) => {
      results.push(await turn.collect({ email: 'ada@example.com' }));
      results.push(await turn.handoff({ reason: 'visitor_request', summary: 'Wants a refund' }));
    });
    await client.connect();
    bots.emit('bot:message', delivery(1, 'c7'));
    await waitFor(() => results.length === 2);
    expect(collected).toEqual([{ conversationId: 'c7', fields: { email: 'ada@example.com' } }]);
    expect(handoffs).toEqual([
      { conversationId: 'c7', reason: 'visitor_request', summary: 'Wants a refund' },
    ]);
    expect(results).toMatchObject([{ email: 'ada@example.com' }, { id: 'c7', status: 'queued' }]);
  });

  it('retries a reply whose ack was lost under the same clientMessageId', async () => {
    const replies = replyStore();
    let calls = 0;
    bots.on('connection', (socket) =>
      socket.on('bot:reply', (payload, ack) => {
        calls += 1;
        // The first attempt is stored but its ack never comes back.
        if (calls === 1) return void replies.handler(payload, () => undefined);
        replies.handler(payload, ack);
      }),
    );
    const client = bot({ ackTimeoutMs: 150 });
    await client.connect();
    const stored = await client.reply('c1', 'Hello!');
    expect(calls).toBe(2);
    const [first, second] = replies.received;
    expect(first?.clientMessageId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(second?.clientMessageId).toBe(first?.clientMessageId);
    expect(replies.stored.size).toBe(1);
    expect(stored.text).toBe('Hello!');
  });

  it('never retries a handoff, whose repeat would be refused as bot_muted', async () => {
    let calls = 0;
    bots.on('connection', (socket) => socket.on('bot:handoff', () => void (calls += 1)));
    const client = bot({ ackTimeoutMs: 100 });
    await client.connect();
    await expect(client.handoff('c1')).rejects.toMatchObject({ code: 'timeout' });
    expect(calls).toBe(1);
  });

  it('fails at once with network while not connected, when retrying is off', async () => {
    const client = bot({ maxAttempts: 1 });
    await expect(client.reply('c1', 'Hello')).rejects.toMatchObject({ code: 'network' });
  });

  it('passes the returned event on', async () => {
    const client = bot();
    const returned = new Promise((resolve) => client.on('returned', resolve));
    await client.connect();
    const event = { conversation: conversation('c1', { status: 'bot' }), note: 'Back to you' };
    bots.emit('bot:returned', event);
    await expect(returned).resolves.toEqual(event);
  });
});
