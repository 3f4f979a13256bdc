import type { Ack, Message } from '@switchboard/protocol';
import type { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SwitchboardError } from '../errors.js';
import type { ConnectionState } from '../types.js';
import { message } from '../testing/factories.js';
import { startSocketServer } from '../testing/socket-server.js';
import { waitFor } from '../testing/wait.js';
import { CONNECTORS } from '../testing/connectors.js';
import type { SocketConnector } from './socket.js';
import { createTransport, type Transport, type TransportOptions } from './transport.js';

interface Listen {
  'message:created': (message: Message) => void;
}
interface Emit {
  'echo:send': (payload: { text: string }, ack: (ack: Ack<{ text: string }>) => void) => void;
  'fail:send': (payload: Record<string, never>, ack: (ack: Ack<null>) => void) => void;
  'silent:send': (payload: Record<string, never>, ack: (ack: Ack<null>) => void) => void;
}

let server: { io: Server; url: string; close: () => Promise<void> };
let transports: Transport<Listen, Emit>[] = [];
let validTokens: Set<string>;
let connect: SocketConnector;

function open(overrides: Partial<TransportOptions> = {}) {
  const states: ConnectionState[] = [];
  const connects: boolean[] = [];
  const transport = createTransport<Listen, Emit>({
    serverUrl: server.url,
    namespace: '/test',
    connect,
    getToken: () => 'good',
    reconnection: { minDelayMs: 50, maxDelayMs: 200 },
    ackTimeoutMs: 300,
    onConnect: (recovered) => connects.push(recovered),
    onStateChange: (state) => states.push(state),
    onRejected: () => Promise.resolve(false),
    onFatal: () => undefined,
    ...overrides,
  });
  transports.push(transport);
  return { transport, states, connects };
}

async function startServer(options: Parameters<typeof startSocketServer>[0] = {}): Promise<void> {
  server = await startSocketServer(options);
  validTokens = new Set(['good']);
  const nsp = server.io.of('/test');
  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: string }).token ?? '';
    if (validTokens.has(token)) return next();
    if (token === 'banned')
      return next(Object.assign(new Error('banned'), { data: { code: 'forbidden', message: 'Banned' } }));
    next(Object.assign(new Error('expired'), { data: { code: 'unauthorized', message: 'Token expired' } }));
  });
  nsp.on('connection', (socket) => {
    socket.on('echo:send', (payload: { text: string }, ack: (a: Ack<{ text: string }>) => void) =>
      ack({ ok: true, data: { text: payload.text.toUpperCase() } }),
    );
    socket.on('fail:send', (_payload: unknown, ack: (a: Ack<null>) => void) =>
      ack({
        ok: false,
        error: { code: 'invalid_payload', message: 'bad', issues: [{ path: 'text', message: 'too long' }] },
      }),
    );
    socket.on('silent:send', () => undefined);
  });
}

beforeEach(() => startServer());
afterEach(async () => {
  for (const transport of transports) transport.close();
  transports = [];
  await server.close();
});

describe.each(CONNECTORS)('over %s', (_name, connector) => {
  beforeEach(() => {
    connect = connector;
  });

  describe('transport requests', () => {
    it('resolves with the ack data', async () => {
      const { transport } = open();
      await transport.open();
      await expect(transport.request('echo:send', { text: 'hi' })).resolves.toEqual({ text: 'HI' });
    });

    it('turns an error ack into a SwitchboardError with its code and issues', async () => {
      const { transport } = open();
      await transport.open();
      const error = await transport.request('fail:send', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SwitchboardError);
      expect(error).toMatchObject({
        code: 'invalid_payload',
        issues: [{ path: 'text', message: 'too long' }],
      });
    });

    it('rejects with timeout when no ack comes', async () => {
      const { transport } = open();
      await transport.open();
      const started = Date.now();
      await expect(transport.request('silent:send', {})).rejects.toMatchObject({
        code: 'timeout',
        retryable: true,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('rejects with network at once when not connected, instead of buffering', async () => {
      const { transport } = open();
      await expect(transport.request('echo:send', { text: 'x' })).rejects.toMatchObject({ code: 'network' });
    });

    it('fails requests in flight as soon as the connection drops', async () => {
      const { transport } = open();
      await transport.open();
      const pending = transport.request('silent:send', {});
      for (const socket of server.io.of('/test').sockets.values()) socket.conn.close();
      await expect(pending).rejects.toMatchObject({ code: 'network' });
    });

    it('delivers typed server events', async () => {
      const { transport } = open();
      const received: Message[] = [];
      transport.on('message:created', (m) => received.push(m));
      await transport.open();
      server.io.of('/test').emit('message:created', message(1));
      await waitFor(() => received.length === 1);
      expect(received[0]!.seq).toBe(1);
    });
  });

  describe('transport lifecycle', () => {
    it('maps the lifecycle to connection states and reports recovery', async () => {
      const { transport, states, connects } = open();
      expect(states).toEqual([]);
      await transport.open();
      expect(states).toEqual(['connecting', 'connected']);

      for (const socket of server.io.of('/test').sockets.values()) socket.conn.close();
      await waitFor(() => connects.length === 2, { message: 'reconnect' });
      expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
      // Without connection state recovery on the server, every reconnect needs a re-sync.
      expect(connects).toEqual([false, false]);

      transport.close();
      expect(states.at(-1)).toBe('disconnected');
    });

    it('reports recovered connects when the server restores the session', async () => {
      await server.close();
      await startServer({ connectionStateRecovery: {} });
      const { transport, connects } = open();
      const received: Message[] = [];
      transport.on('message:created', (m) => received.push(m));
      await transport.open();
      // socket.io can only recover a session that has received at least one packet (an offset).
      server.io.of('/test').emit('message:created', message(1));
      await waitFor(() => received.length === 1);
      for (const socket of server.io.of('/test').sockets.values()) socket.conn.close();
      await waitFor(() => connects.length === 2, { message: 'reconnect' });
      expect(connects).toEqual([false, true]);
    });

    it('refreshes the token after an unauthorized refusal and reconnects with it', async () => {
      let token = 'stale';
      const onRejected = vi.fn((error: SwitchboardError) => {
        expect(error.code).toBe('unauthorized');
        token = 'fresh';
        validTokens.add('fresh');
        return Promise.resolve(true);
      });
      const { transport, states } = open({ getToken: () => token, onRejected });
      await transport.open();
      expect(onRejected).toHaveBeenCalledTimes(1);
      expect(states.at(-1)).toBe('connected');
      expect([...server.io.of('/test').sockets.values()][0]!.handshake.auth).toEqual({ token: 'fresh' });
    });

    it('gives up on a refusal that no refresh fixes', async () => {
      const onFatal = vi.fn();
      const { transport, states } = open({ getToken: () => 'banned', onFatal });
      await expect(transport.open()).rejects.toMatchObject({ code: 'forbidden', message: 'Banned' });
      expect(onFatal).toHaveBeenCalledWith(expect.objectContaining({ code: 'forbidden' }));
      expect(states.at(-1)).toBe('disconnected');
    });

    it('stops after a few refusals in a row even if the refresh claims success', async () => {
      const onRejected = vi.fn(() => Promise.resolve(true));
      const { transport } = open({ getToken: () => 'stale', onRejected });
      await expect(transport.open()).rejects.toMatchObject({ code: 'unauthorized' });
      expect(onRejected).toHaveBeenCalledTimes(5);
    });

    it('reconnects after the server ends the session, without a token refresh', async () => {
      const onRejected = vi.fn(() => Promise.resolve(true));
      const { transport, connects, states } = open({ onRejected });
      await transport.open();
      for (const socket of server.io.of('/test').sockets.values()) socket.disconnect();
      await waitFor(() => connects.length === 2, { message: 'reconnect after kick' });
      expect(onRejected).not.toHaveBeenCalled();
      expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    });

    it('rejects open() when closed before connecting', async () => {
      const { transport } = open({ serverUrl: 'http://127.0.0.1:9' });
      const opening = transport.open();
      transport.close();
      await expect(opening).rejects.toMatchObject({ code: 'network' });
    });
  });
});
