// The lite socket against a real socket.io server (and, for the handshake timeout, a WebSocket
// server that never answers), on the `ws` package's WebSocket since Node 20 has none.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { waitFor } from '../../testing/wait.js';
import type { LooseSocket, SocketOptions } from '../socket.js';
import { liteConnector } from './index.js';

/** Every WebSocket the sockets under test opened, so a test can cut one off. */
let opened: WebSocket[] = [];
class RecordingWebSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    opened.push(this);
  }
}

interface TestServer {
  io: Server;
  url: string;
  port: number;
  close: () => Promise<void>;
}

async function startServer(options: Partial<ServerOptions> = {}, port = 0): Promise<TestServer> {
  const http: HttpServer = createServer();
  const io = new Server(http, options);
  // socket.io refuses a namespace nobody declared.
  for (const namespace of ['/test', '/visitor', '/agent']) io.of(namespace);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const bound = (http.address() as AddressInfo).port;
  return {
    io,
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
}

const servers: { close: () => Promise<unknown> }[] = [];
const sockets: LooseSocket[] = [];

async function server(options: Partial<ServerOptions> = {}, port = 0): Promise<TestServer> {
  const started = await startServer(options, port);
  servers.push(started);
  return started;
}

/** What one socket reported, in order, with the time of each report. */
interface Report {
  event: string;
  args: unknown[];
  at: number;
  /** `socket.connected` as the listener saw it. */
  connected: boolean;
}

function liteSocket(
  url: string,
  {
    namespace = '/test',
    token = () => 'good',
    ...overrides
  }: Partial<SocketOptions> & {
    namespace?: string;
    token?: () => string;
    timeoutMs?: number;
  } = {},
) {
  const handshakes: number[] = [];
  const connect = liteConnector({
    WebSocket: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    timeoutMs: overrides.timeoutMs ?? 2000,
  });
  const socket = connect(url, namespace, {
    auth: (send) => {
      handshakes.push(Date.now());
      send({ token: token() });
    },
    reconnectionDelay: 40,
    reconnectionDelayMax: 320,
    randomizationFactor: 0.5,
    ...overrides,
  });
  sockets.push(socket);
  const reports: Report[] = [];
  for (const event of ['connect', 'connect_error', 'disconnect', 'message:created']) {
    socket.on(event, (...args: never[]) =>
      reports.push({ event, args, at: Date.now(), connected: socket.connected }),
    );
  }
  const count = (event: string) => reports.filter((r) => r.event === event).length;
  return { socket, reports, handshakes, count };
}

/** Accepts the token `good`; refuses others as the Switchboard server does, with `err.data`. */
function authenticate(io: Server, namespace = '/test'): void {
  io.of(namespace).use((socket, next) => {
    const { token } = socket.handshake.auth as { token?: string };
    if (token === 'good') return next();
    next(Object.assign(new Error('Token expired'), { data: { code: 'unauthorized', message: 'Expired' } }));
  });
}

const serverSockets = (io: Server, namespace = '/test'): ServerSocket[] => [
  ...io.of(namespace).sockets.values(),
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  // A paused WebSocket would wait for a closing handshake it can no longer read.
  for (const ws of opened) ws.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  opened = [];
});

describe('the lite socket', () => {
  it('connects to its namespace with the auth of the callback, called on every handshake', async () => {
    const { io, url } = await server();
    authenticate(io);
    const { socket, handshakes, count } = liteSocket(url);
    expect(socket.active).toBe(false);
    socket.connect();
    expect(socket.active).toBe(true);
    await waitFor(() => socket.connected, { message: 'connect' });
    expect(count('connect')).toBe(1);
    expect(socket.recovered).toBe(false);
    expect(serverSockets(io)[0]!.handshake.auth).toEqual({ token: 'good' });
    expect(handshakes).toHaveLength(1);

    serverSockets(io)[0]!.conn.close();
    await waitFor(() => count('connect') === 2, { message: 'reconnect' });
    expect(handshakes).toHaveLength(2);
  });

  it('emits events with acknowledgements, and delivers the server’s events until a listener is removed', async () => {
    const { io, url } = await server();
    io.of('/test').on('connection', (s) => {
      s.on('echo', (payload: { text: string }, n: number, ack: (...args: unknown[]) => void) =>
        ack({ ok: true, data: payload.text.toUpperCase() }, n + 1),
      );
    });
    const { socket } = liteSocket(url);
    socket.connect();
    await waitFor(() => socket.connected);

    const acked = await new Promise<unknown[]>((resolve) =>
      socket.emit('echo', { text: 'héllo, "world"' }, 41, (...args: unknown[]) => resolve(args)),
    );
    expect(acked).toEqual([{ ok: true, data: 'HÉLLO, "WORLD"' }, 42]);

    const received: unknown[] = [];
    const listener = (payload: never) => received.push(payload);
    socket.on('note', listener);
    io.of('/test').emit('note', { n: 1 });
    await waitFor(() => received.length === 1);
    socket.off('note', listener);
    io.of('/test').emit('note', { n: 2 });
    io.of('/test').emit('message:created', { n: 3 });
    await waitFor(() => serverSockets(io).length === 1);
    await sleep(50);
    expect(received).toEqual([{ n: 1 }]);
  });

  it('ignores other namespaces on the same server', async () => {
    const { io, url } = await server();
    const { socket, reports } = liteSocket(url, { namespace: '/visitor' });
    socket.connect();
    await waitFor(() => socket.connected);
    io.of('/agent').emit('message:created', { wrong: true });
    io.of('/visitor').emit('message:created', { right: true });
    await waitFor(() => reports.some((r) => r.event === 'message:created'));
    expect(reports.filter((r) => r.event === 'message:created').map((r) => r.args[0])).toEqual([
      { right: true },
    ]);
  });

  it('reports a refused handshake as connect_error with the server’s data, and stops', async () => {
    const { io, url } = await server();
    authenticate(io);
    const { socket, reports, handshakes } = liteSocket(url, { token: () => 'stale' });
    socket.connect();
    const refusal = await waitFor(() => reports.find((r) => r.event === 'connect_error'));
    const error = refusal.args[0] as Error & { data?: unknown };
    expect(error.message).toBe('Token expired');
    expect(error.data).toEqual({ code: 'unauthorized', message: 'Expired' });
    expect(socket.active).toBe(false);
    expect(socket.connected).toBe(false);
    // Retrying a refusal is the transport's call, not the socket's.
    await sleep(300);
    expect(handshakes).toHaveLength(1);
  });

  it('stops when the server ends the session, and starts again on connect()', async () => {
    const { io, url } = await server();
    const { socket, reports, count } = liteSocket(url);
    socket.connect();
    await waitFor(() => socket.connected);
    serverSockets(io)[0]!.disconnect();
    await waitFor(() => count('disconnect') === 1);
    expect(reports.at(-1)!.args).toEqual(['io server disconnect']);
    expect(socket.active).toBe(false);
    await sleep(300);
    expect(serverSockets(io)).toHaveLength(0);

    socket.connect();
    await waitFor(() => socket.connected, { message: 'connect after a kick' });
  });

  it('says goodbye on disconnect() and does not come back', async () => {
    const { io, url } = await server();
    const { socket, reports } = liteSocket(url);
    socket.connect();
    await waitFor(() => socket.connected);
    const serverSide = serverSockets(io)[0]!;
    const reason = new Promise((resolve) => serverSide.on('disconnect', resolve));
    socket.disconnect();
    expect(reports.at(-1)!.args).toEqual(['io client disconnect']);
    expect(socket.active).toBe(false);
    await expect(reason).resolves.toBe('client namespace disconnect');
    await sleep(200);
    expect(serverSockets(io)).toHaveLength(0);
  });

  it('sends nothing while disconnected: nothing is buffered for later', async () => {
    const { io, url } = await server();
    const seen: unknown[] = [];
    io.of('/test').on('connection', (s) => s.on('early', (payload: unknown) => seen.push(payload)));
    const { socket } = liteSocket(url);
    socket.emit('early', 1);
    socket.connect();
    socket.emit('early', 2);
    await waitFor(() => socket.connected);
    socket.emit('early', 3);
    await waitFor(() => seen.length === 1);
    await sleep(50);
    expect(seen).toEqual([3]);
  });

  it('reconnects after a network drop and recovers the session, missed events included', async () => {
    const { io, url } = await server({ connectionStateRecovery: {} });
    const { socket, reports, handshakes, count } = liteSocket(url, { reconnectionDelay: 150 });
    socket.connect();
    await waitFor(() => socket.connected);
    expect(socket.recovered).toBe(false);
    const pid = (serverSockets(io)[0] as unknown as { pid: string }).pid;
    // socket.io recovers only a session that has an offset: one event received.
    io.of('/test').emit('message:created', { seq: 1 });
    await waitFor(() => count('message:created') === 1);

    serverSockets(io)[0]!.conn.close();
    await waitFor(() => count('disconnect') === 1);
    expect(reports.at(-1)!.args).toEqual(['transport close']);
    expect(socket.active).toBe(true);
    // Sent while the client is away (it waits ≥ 75 ms before retrying).
    io.of('/test').emit('message:created', { seq: 2 });
    io.of('/test').emit('message:created', { seq: 3 });

    await waitFor(() => count('connect') === 2, { message: 'reconnect' });
    expect(socket.recovered).toBe(true);
    expect(handshakes).toHaveLength(2);
    const auth = serverSockets(io)[0]!.handshake.auth as Record<string, unknown>;
    expect(auth).toMatchObject({ token: 'good', pid });
    expect(typeof auth.offset).toBe('string');
    // The missed events arrive before `connect`, in order, so a listener of `connect` sees a
    // state that needs no re-sync; and they arrive connected, so their listeners may emit.
    expect(reports.slice(-3).map((r) => [r.event, r.args[0], r.connected])).toEqual([
      ['message:created', { seq: 2 }, true],
      ['message:created', { seq: 3 }, true],
      ['connect', undefined, true],
    ]);
  });

  it('reports recovered as false when the server could not restore the session', async () => {
    const { io, url } = await server();
    const { socket, count } = liteSocket(url);
    socket.connect();
    await waitFor(() => socket.connected);
    serverSockets(io)[0]!.conn.close();
    await waitFor(() => count('connect') === 2, { message: 'reconnect' });
    expect(socket.recovered).toBe(false);
  });

  it('keeps retrying while the server is down, backing off with jitter, and reconnects when it returns', async () => {
    const first = await startServer();
    const { socket, reports, count } = liteSocket(first.url);
    socket.connect();
    await waitFor(() => socket.connected);
    await first.close();
    await waitFor(() => count('connect_error') >= 6, { message: 'six failed attempts', timeoutMs: 8000 });
    // A network failure keeps the socket active: it is still trying, unlike after a refusal.
    expect(socket.active).toBe(true);
    expect(socket.connected).toBe(false);

    // Attempt n waits base × 2ⁿ (at most 320 ms), ±50 % jitter. Timers never fire early, so each
    // gap is at least the smallest delay its attempt allows; the cap bounds it from above (with
    // room for a slow machine).
    const times = [reports.find((r) => r.event === 'disconnect')!.at].concat(
      reports.filter((r) => r.event === 'connect_error').map((r) => r.at),
    );
    const gaps = times.slice(1, 7).map((t, i) => t - times[i]!);
    gaps.forEach((gap, attempt) => {
      expect(gap).toBeGreaterThanOrEqual(0.5 * Math.min(320, 40 * 2 ** attempt) - 2);
      expect(gap).toBeLessThan(320 + 500);
    });

    const second = await server({}, first.port);
    await waitFor(() => socket.connected, { message: 'reconnect to the restarted server', timeoutMs: 3000 });
    expect(serverSockets(second.io)).toHaveLength(1);
  });

  it('answers the server’s pings, so an idle connection stays up', async () => {
    const { url } = await server({ pingInterval: 40, pingTimeout: 60 });
    const { socket, count } = liteSocket(url);
    socket.connect();
    await waitFor(() => socket.connected);
    await sleep(500);
    expect(socket.connected).toBe(true);
    expect(count('disconnect')).toBe(0);
  });

  it('drops a connection whose pings stopped arriving, and reconnects', async () => {
    const { url } = await server({ pingInterval: 100, pingTimeout: 100 });
    const { socket, reports, count } = liteSocket(url);
    socket.connect();
    await waitFor(() => socket.connected);
    // The network goes silent under the client: no frames reach it, none report a close.
    opened[0]!.pause();
    const silentSince = Date.now();
    await waitFor(() => count('disconnect') === 1, { message: 'the heartbeat timeout' });
    expect(reports.at(-1)!.args).toEqual(['ping timeout']);
    // pingInterval + pingTimeout after the last ping, which came at most pingInterval ago.
    expect(Date.now() - silentSince).toBeGreaterThanOrEqual(100 - 5);
    await waitFor(() => count('connect') === 2, { message: 'reconnect' });
    expect(opened).toHaveLength(2);
  });

  it('gives up an attempt that gets no answer within the timeout, and tries again', async () => {
    // A WebSocket endpoint that accepts and then never says a word.
    const mute = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => mute.once('listening', resolve));
    servers.push({ close: () => new Promise((resolve) => mute.close(resolve)) });
    const { port } = mute.address() as AddressInfo;
    const { socket, reports, count } = liteSocket(`http://127.0.0.1:${port}`, { timeoutMs: 150 });
    socket.connect();
    await waitFor(() => count('connect_error') === 2, { message: 'two timeouts' });
    expect((reports.find((r) => r.event === 'connect_error')!.args[0] as Error).message).toBe('timeout');
    expect(socket.active).toBe(true);
    expect(opened.length).toBeGreaterThanOrEqual(2);
  });
});
