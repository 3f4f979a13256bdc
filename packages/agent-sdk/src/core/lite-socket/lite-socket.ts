// A socket.io v4 client for one namespace over the browser's WebSocket: what socket.io-client
// does for us, minus long-polling, binary packets, multiplexing, send buffering and acks on
// server-sent events, none of which Switchboard uses. See ../socket.ts for the contract.
import { backoffDelay } from '../backoff.js';
import type { LooseSocket, SocketOptions } from '../socket.js';
import {
  ENGINE_CLOSE,
  ENGINE_MESSAGE,
  ENGINE_OPEN,
  ENGINE_PING,
  ENGINE_PONG,
  engineUrl,
  heartbeatTimeoutOf,
} from './engine-packet.js';
import {
  ACK,
  CONNECT,
  CONNECT_ERROR,
  DISCONNECT,
  EVENT,
  decodeSocketPacket,
  encodeSocketPacket,
  type SocketPacket,
} from './socket-packet.js';

export interface LiteSocketOptions extends SocketOptions {
  /** The browser's WebSocket, or one with the same API (the `ws` package in Node). */
  WebSocket: typeof WebSocket;
  /** How long one attempt may take, from opening the WebSocket to the server's CONNECT ack. */
  timeoutMs: number;
}

type Listener = (...args: unknown[]) => void;

/** The page around the socket, where there is one: Node has no location and no `offline` event. */
interface Page {
  location?: { href: string };
  addEventListener?(type: 'offline', listener: () => void): void;
  removeEventListener?(type: 'offline', listener: () => void): void;
}
const page = globalThis as unknown as Page;

export function createLiteSocket(
  serverUrl: string,
  namespace: string,
  options: LiteSocketOptions,
): LooseSocket {
  const url = engineUrl(serverUrl, page.location?.href);
  const backoff = {
    minDelayMs: options.reconnectionDelay,
    maxDelayMs: options.reconnectionDelayMax,
    randomizationFactor: options.randomizationFactor,
  };
  // Copied on write, so that a listener added or removed while its event fires disturbs nobody.
  const listeners = new Map<string, Listener[]>();
  const acks = new Map<number, Listener>();
  /** The current connection attempt or connection; stale sockets' events are ignored. */
  let ws: WebSocket | undefined;
  /** Trying to be connected: between connect() and disconnect(), a refusal or a server kick. */
  let active = false;
  let connected = false;
  let recovered = false;
  // Connection state recovery: the server names the session (`pid`) in its CONNECT ack and
  // appends an offset to every event; both go back in the next handshake, and a server that still
  // holds the session replays what was missed (before its ack, hence `missed`).
  let pid: string | undefined;
  let offset: string | undefined;
  let missed: unknown[][] = [];
  let nextAckId = 0;
  let attempts = 0;
  let heartbeatMs = 0;
  /** When the server's silence means the connection is dead. */
  let deadline = Infinity;
  let attemptTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const fire = (event: string, ...args: unknown[]): void => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(...args);
      } catch (error) {
        // A throwing listener must not cut the socket's own bookkeeping short (the rest of the
        // replay, the `connect` after it); socket.io-client gets the same from its nextTick.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const send = (packet: Omit<SocketPacket, 'nsp'>): void => {
    ws?.send(ENGINE_MESSAGE + encodeSocketPacket({ ...packet, nsp: namespace }));
  };

  const deliver = ([event, ...args]: unknown[]): void => {
    // socket.io-client's rule: with a session id, a trailing string is the event's offset. It is
    // left in place, as socket.io-client does; listeners ignore the extra argument.
    const last = args[args.length - 1];
    if (pid && typeof last === 'string') offset = last;
    fire(event as string, ...args);
  };

  const closeWebSocket = (): void => {
    clearTimeout(attemptTimer);
    clearTimeout(heartbeatTimer);
    page.removeEventListener?.('offline', onOffline);
    missed = [];
    const current = ws;
    ws = undefined;
    current?.close();
  };

  const closed = (reason: string): void => {
    connected = false;
    // socket.io-client drops the callbacks of unanswered emits too; the transport fails them.
    acks.clear();
    fire('disconnect', reason);
  };

  /** The connection failed or dropped under us: report it, and retry if still wanted. */
  const lost = (reason: string): void => {
    closeWebSocket();
    if (connected) closed(reason);
    else fire('connect_error', new Error(reason));
    // A listener may have called disconnect() or connect() meanwhile.
    if (!active || ws || retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        if (active && !ws) open();
      },
      backoffDelay(attempts++, backoff),
    );
  };

  // The OS knows before the heartbeat does (engine.io-client listens for it too).
  const onOffline = (): void => lost('transport close');

  const beat = (): void => {
    clearTimeout(heartbeatTimer);
    deadline = Date.now() + heartbeatMs;
    heartbeatTimer = setTimeout(() => lost('ping timeout'), heartbeatMs);
  };

  const receivePacket = (packet: SocketPacket): void => {
    const data = packet.data as Record<string, unknown>;
    switch (packet.type) {
      case CONNECT: {
        clearTimeout(attemptTimer);
        recovered = pid !== undefined && data.pid === pid;
        pid = typeof data.pid === 'string' ? data.pid : undefined;
        connected = true;
        attempts = 0;
        const replayed = missed;
        missed = [];
        replayed.forEach(deliver);
        fire('connect');
        return;
      }
      case EVENT:
        if (connected) deliver(packet.data as unknown[]);
        else missed.push(packet.data as unknown[]);
        return;
      case ACK: {
        const ack = acks.get(packet.id!);
        acks.delete(packet.id!);
        ack?.(...(packet.data as unknown[]));
        return;
      }
      case DISCONNECT:
        // The server ended the session: socket.io does not reconnect on its own after that.
        active = false;
        closeWebSocket();
        closed('io server disconnect');
        return;
      case CONNECT_ERROR:
        // A middleware refused the handshake; whether to try again is the transport's call.
        active = false;
        closeWebSocket();
        fire('connect_error', Object.assign(new Error(String(data.message)), { data: data.data }));
    }
  };

  const receive = (frame: unknown): void => {
    if (typeof frame !== 'string') return lost('parse error');
    const type = frame[0];
    const data = frame.slice(1);
    if (type === ENGINE_OPEN) {
      const timeout = heartbeatTimeoutOf(data);
      if (timeout === null) return lost('parse error');
      heartbeatMs = timeout;
      beat();
      const socket = ws;
      options.auth((auth) => {
        if (socket !== ws) return;
        send({ type: CONNECT, data: pid ? { pid, offset, ...auth } : auth });
      });
    } else if (type === ENGINE_PING) {
      ws?.send(ENGINE_PONG);
      beat();
    } else if (type === ENGINE_MESSAGE) {
      const packet = decodeSocketPacket(data);
      if (!packet) return lost('parse error');
      if (packet.nsp === namespace) receivePacket(packet);
    } else if (type === ENGINE_CLOSE) {
      lost('transport close');
    }
  };

  function open(): void {
    const socket = new options.WebSocket(url);
    ws = socket;
    deadline = Infinity;
    attemptTimer = setTimeout(() => lost('timeout'), options.timeoutMs);
    page.addEventListener?.('offline', onOffline);
    socket.onmessage = (event) => {
      if (socket === ws) receive(event.data);
    };
    // `close` follows `error`, but Node's `ws` throws on an error nobody listens to.
    socket.onerror = socket.onclose = () => {
      if (socket === ws) lost(connected ? 'transport close' : 'websocket error');
    };
  }

  return {
    get connected() {
      return connected;
    },
    get active() {
      return active;
    },
    get recovered() {
      return recovered;
    },

    connect() {
      active = true;
      if (!ws && !retryTimer) open();
    },

    disconnect() {
      if (connected) send({ type: DISCONNECT });
      active = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      closeWebSocket();
      if (connected) closed('io client disconnect');
    },

    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener]);
    },

    off(event, listener) {
      const list = listeners.get(event) ?? [];
      const index = list.indexOf(listener as Listener);
      if (index >= 0) listeners.set(event, [...list.slice(0, index), ...list.slice(index + 1)]);
    },

    emit(event, ...args) {
      // The transport only emits while connected; there is no send buffer.
      if (!connected) return;
      // A sleeping device may not have run the heartbeat timer yet: a connection silent for longer
      // than the server allows is dead, and writing into it would lose the packet.
      if (Date.now() > deadline) return lost('ping timeout');
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Listener) : undefined;
      let id: number | undefined;
      if (ack) {
        id = nextAckId++;
        acks.set(id, ack);
      }
      send({ type: EVENT, id, data: [event, ...args] });
    },
  };
}
