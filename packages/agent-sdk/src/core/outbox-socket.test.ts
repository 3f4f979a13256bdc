// The outbox and the transport together against a real socket.io server that loses acks.
import type { Ack, Message } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import { startSocketServer } from '../testing/socket-server.js';
import { waitFor } from '../testing/wait.js';
import { mergeMessages } from './message-log.js';
import { createOutbox, type Outbox } from './outbox.js';
import { CONNECTORS } from '../testing/connectors.js';
import { createTransport, type Transport } from './transport.js';

interface Listen {
  'message:created': (message: Message) => void;
}
interface Emit {
  'message:send': (
    payload: { clientMessageId: string; text: string },
    ack: (ack: Ack<Message>) => void,
  ) => void;
}

let server: Awaited<ReturnType<typeof startSocketServer>>;
let transport: Transport<Listen, Emit>;
let outbox: Outbox;
/** Every send the server received, duplicates included. */
let received: string[];
/** What the server stored, by clientMessageId: its UNIQUE constraint. */
let stored: Map<string, Message>;
/** What the client holds, merged from acks and broadcasts. */
let held: readonly Message[];
let dropAcksFor: Set<string>;
/** Whether the sender receives the broadcast of its own message too. */
let echoToSender: boolean;

describe.each(CONNECTORS)('over %s', (_name, connector) => {
  beforeEach(async () => {
    received = [];
    stored = new Map();
    held = [];
    dropAcksFor = new Set();
    echoToSender = true;
    server = await startSocketServer();
    server.io.of('/chat').on('connection', (socket) => {
      socket.on(
        'message:send',
        (payload: { clientMessageId: string; text: string }, ack: (a: Ack<Message>) => void) => {
          received.push(payload.clientMessageId);
          let saved = stored.get(payload.clientMessageId);
          if (!saved) {
            saved = message(stored.size + 1, {
              clientMessageId: payload.clientMessageId,
              text: payload.text,
            });
            stored.set(payload.clientMessageId, saved);
            // Broadcast once, after "commit".
            if (echoToSender) server.io.of('/chat').emit('message:created', saved);
            else socket.broadcast.emit('message:created', saved);
          }
          // The first ack of a dropped id is lost on the way back: the client sees a timeout.
          if (dropAcksFor.delete(payload.clientMessageId)) return;
          ack({ ok: true, data: saved });
        },
      );
    });

    transport = createTransport<Listen, Emit>({
      serverUrl: server.url,
      namespace: '/chat',
      connect: connector,
      getToken: () => 'token',
      reconnection: { minDelayMs: 50, maxDelayMs: 200 },
      ackTimeoutMs: 200,
      onConnect: () => outbox.flush(),
      onStateChange: () => undefined,
      onRejected: () => Promise.resolve(false),
      onFatal: () => undefined,
    });
    const apply = (messages: readonly Message[]): void => {
      held = mergeMessages(held, messages);
      outbox.acknowledge(messages);
    };
    transport.on('message:created', (m) => apply([m]));
    outbox = createOutbox({
      deliver: (entry) =>
        transport.request('message:send', { clientMessageId: entry.clientMessageId, text: entry.text }),
      canSend: () => transport.connected,
      onChange: () => undefined,
      onDelivered: (m) => apply([m]),
      backoff: { minDelayMs: 50, maxDelayMs: 200 },
    });
  });

  afterEach(async () => {
    transport.close();
    await server.close();
  });

  it('retries a lost ack with the same clientMessageId; the server dedupes it', async () => {
    echoToSender = false;
    await transport.open();
    const sending = outbox.enqueue({ conversationId: 'c1', text: 'hello', kind: 'text' });
    const id = outbox.entries[0]!.clientMessageId;
    dropAcksFor.add(id);

    const delivered = await sending;
    // Two sends reached the server under one id (the first ack was lost, the client timed out);
    // it stored the message once and answered the retry with the original.
    expect(received).toEqual([id, id]);
    expect(stored.size).toBe(1);
    expect(delivered).toEqual(stored.get(id));
    expect(held).toEqual([stored.get(id)]);
    expect(outbox.entries).toEqual([]);
  });

  it('keeps one copy when both the ack and the broadcast of a message arrive', async () => {
    await transport.open();
    const delivered = await outbox.enqueue({ conversationId: 'c1', text: 'twice', kind: 'text' });
    await waitFor(() => received.length === 1);
    // Give the second delivery (whichever of ack/broadcast was later) time to land.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held).toEqual([delivered]);
  });

  it('lets the broadcast settle a send whose ack was lost, without a retry', async () => {
    await transport.open();
    const sending = outbox.enqueue({ conversationId: 'c1', text: 'broadcast wins', kind: 'text' });
    dropAcksFor.add(outbox.entries[0]!.clientMessageId);
    const delivered = await sending;
    expect(held).toEqual([delivered]);
    expect(received).toHaveLength(1);
  });

  it('keeps messages queued while offline and flushes them in order on connect', async () => {
    const a = outbox.enqueue({ conversationId: 'c1', text: 'first', kind: 'text' });
    const b = outbox.enqueue({ conversationId: 'c1', text: 'second', kind: 'text' });
    expect(received).toEqual([]);
    await transport.open();
    await Promise.all([a, b]);
    expect([...stored.values()].map((m) => m.text)).toEqual(['first', 'second']);
    await waitFor(() => held.length === 2);
    expect(held.map((m) => m.text)).toEqual(['first', 'second']);
  });
});
