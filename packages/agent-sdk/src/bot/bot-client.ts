import {
  BOT_NAMESPACE,
  ulid,
  type BotClientToServerEvents,
  type BotDelivery,
  type BotServerToClientEvents,
} from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import { backoffDelay, reconnectionBackoff } from '../core/backoff.js';
import { DEFAULT_ACK_TIMEOUT_MS } from '../core/connection.js';
import { createDeliveryAcks } from '../core/delivery-acks.js';
import { createEventHub } from '../core/emitter.js';
import { createDelays } from '../core/tasks.js';
import { socketIoConnector } from '../core/socket-io-connector.js';
import { createTransport } from '../core/transport.js';
import { validateMessageText } from '../core/validate.js';
import { createTurnContext, type BotRequests } from './bot-turn.js';
import { withRetries } from './retry.js';
import { createSerialQueue } from './serial-queue.js';
import type { ConnectionState } from '../types.js';
import type { BotClient, BotClientEvents, BotClientOptions, BotMessageHandler } from './types.js';

const DEFAULT_MAX_ATTEMPTS = 3;

/** A handler's failure, as the `error` event reports it: protocol errors keep their code. */
function handlerFailure(caught: unknown, delivery: BotDelivery): SwitchboardError {
  if (caught instanceof SwitchboardError) return caught;
  const reason = caught instanceof Error ? caught.message : String(caught);
  const error = new SwitchboardError(
    'internal',
    `The onMessage handler failed on message ${delivery.message.id} of conversation ${delivery.conversation.id}: ${reason}`,
  );
  error.cause = caught;
  return error;
}

/**
 * A bot written on the SDK. It shares the agent and visitor clients' transport (typed requests
 * with acks, error codes, jittered reconnects) but keeps no state of its own: the server holds
 * the conversation, and the idempotency keys make every retry safe.
 */
export function createBotClient(options: BotClientOptions): BotClient {
  const hub = createEventHub<BotClientEvents>();
  const backoff = reconnectionBackoff(options.reconnection);
  const ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const handlers = new Set<BotMessageHandler>();
  const turns = createSerialQueue<string>();
  // Retry pauses that disconnect() cuts short, so a closed client leaves no request waiting.
  const delays = createDelays();
  let open = false;

  let connection: ConnectionState = 'idle';
  const transport = createTransport<BotServerToClientEvents, BotClientToServerEvents>({
    serverUrl: options.serverUrl,
    namespace: BOT_NAMESPACE,
    getToken: () => options.token,
    reconnection: backoff,
    ackTimeoutMs,
    // The server holds nothing for the bot to catch up on: it hands a message to a person when
    // no bot is there to take it.
    onConnect: () => undefined,
    onStateChange: (state) => {
      connection = state;
      hub.emit('connection:changed', state);
    },
    // A bot token cannot be renewed from here, so a refused one stays refused; a server that was
    // briefly unable to check it is asked again.
    onRejected: (error) => Promise.resolve(error.retryable),
    onFatal: (error) => {
      open = false;
      delays.cancelAll();
      hub.emit('error', error);
    },
    connect: socketIoConnector(options.socketOptions),
  });

  /** Resolves once connected, disconnected for good, or after `ms`, whichever comes first. */
  const settled = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (transport.connected || !open) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const stop = hub.on('connection:changed', (state) => {
        if (state === 'connected' || state === 'disconnected') done();
      });
    });

  const pause = async (retry: number): Promise<boolean> => {
    if (!open || !(await delays.wait(backoffDelay(retry, backoff)))) return false;
    await settled(ackTimeoutMs);
    return open;
  };

  const requests: BotRequests = {
    reply: (payload) => withRetries(() => transport.request('bot:reply', payload), { maxAttempts, pause }),
    handoff: (payload) => transport.request('bot:handoff', payload),
    collect: (payload) =>
      withRetries(() => transport.request('bot:collect', payload), { maxAttempts, pause }),
  };

  async function runHandlers(delivery: BotDelivery): Promise<void> {
    const turn = createTurnContext(delivery, requests);
    for (const handler of [...handlers]) {
      try {
        await handler(turn);
      } catch (caught) {
        hub.emit('error', handlerFailure(caught, delivery));
      }
    }
  }

  // The visitor sees "Delivered" once a message reaches the bot, before its handlers answer.
  const acks = createDeliveryAcks((conversationId, seq) =>
    transport.request('conversation:delivered', { conversationId, seq }),
  );

  transport.on('bot:message', (delivery) => {
    acks.note(delivery.conversation.id, delivery.message.seq);
    void turns.run(delivery.conversation.id, () => runHandlers(delivery));
  });
  transport.on('bot:returned', (event) => hub.emit('returned', event));

  return {
    on: hub.on,
    off: hub.off,

    get connection() {
      return connection;
    },

    connect() {
      open = true;
      return transport.open();
    },

    disconnect() {
      open = false;
      delays.cancelAll();
      acks.stop();
      transport.close();
    },

    onMessage(handler) {
      // A wrapper, so the same function registered twice runs twice and unsubscribes once.
      const entry: BotMessageHandler = (turn) => handler(turn);
      handlers.add(entry);
      return () => {
        handlers.delete(entry);
      };
    },

    reply(conversationId, text, { quickReplies = [], cards = [], clientMessageId = ulid() } = {}) {
      const invalid = validateMessageText(text);
      if (invalid) return Promise.reject(invalid);
      return requests.reply({ conversationId, text, quickReplies, cards, clientMessageId });
    },

    handoff(conversationId, request = {}) {
      return requests.handoff({ ...request, conversationId });
    },

    collect(conversationId, fields) {
      return requests.collect({ conversationId, fields });
    },
  };
}
