import type { AckData, PayloadOf, SocketAuth } from '@switchboard/protocol';
import { errorFromPayload, SwitchboardError } from '../errors.js';
import type { ConnectionState } from '../types.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { normalizeServerUrl } from './http.js';
import type { AnyListener, SocketConnector } from './socket.js';

/** How many handshakes in a row the server may refuse before we stop trying. */
const MAX_CONSECUTIVE_REJECTIONS = 5;

export interface TransportOptions {
  serverUrl: string;
  /** `/visitor` or `/agent`. */
  namespace: string;
  /** Read on every handshake, so a reconnect carries a refreshed token. */
  getToken: () => string | null;
  reconnection: Required<Pick<BackoffOptions, 'minDelayMs' | 'maxDelayMs'>>;
  ackTimeoutMs: number;
  /** Every successful (re)connect. `recovered` is socket.io's connection state recovery flag. */
  onConnect: (recovered: boolean) => void;
  onStateChange: (state: ConnectionState) => void;
  /**
   * The server refused the handshake (`connect_error` with `err.data.code`) or closed the session.
   * Resolve `true` once it is worth trying again (e.g. after refreshing the token), `false` to stop.
   */
  onRejected: (error: SwitchboardError) => Promise<boolean>;
  /** The transport stopped trying; the state is `disconnected`. */
  onFatal: (error: SwitchboardError) => void;
  /** Makes the socket: socket.io-client's or the lite one. */
  connect: SocketConnector;
}

/** A typed request/response and event surface over one socket.io namespace. */
export interface Transport<Listen, Emit> {
  readonly connected: boolean;
  /** Starts connecting; resolves at the next successful connect, rejects if the transport gives up. */
  open(): Promise<void>;
  /** Disconnects for good (until `open()`); in-flight requests fail with `network`. */
  close(): void;
  /** Emits with an acknowledgement; resolves with the ack's data or rejects with a `SwitchboardError`. */
  request<Name extends keyof Emit & string>(
    name: Name,
    payload: PayloadOf<Emit, Name>,
  ): Promise<AckData<Emit, Name>>;
  /** Listens for the server's event `name` for as long as the transport lives. */
  on<Name extends keyof Listen & string>(name: Name, listener: Listen[Name]): void;
  /**
   * Emits a fire-and-forget event (no ack, e.g. `typing`) when connected; returns whether it was
   * sent. Nothing is queued: a signal is worthless by the time a connection comes back.
   */
  signal<Name extends keyof Emit & string>(name: Name, payload: PayloadOf<Emit, Name>): boolean;
}

interface ConnectError extends Error {
  data?: unknown;
}

/** `null` for `{ ok: true }`; the error an error ack carries, or `internal` for anything else. */
function errorFromAck(ack: unknown): SwitchboardError | null {
  const { ok, error } = (ack ?? {}) as { ok?: unknown; error?: unknown };
  if (ok === true) return null;
  return (
    errorFromPayload(error) ?? new SwitchboardError('internal', 'The server sent a malformed acknowledgement')
  );
}

export function createTransport<Listen, Emit>(options: TransportOptions): Transport<Listen, Emit> {
  const socket = options.connect(normalizeServerUrl(options.serverUrl), options.namespace, {
    auth: (send: (data: SocketAuth) => void): void => send({ token: options.getToken() ?? '' }),
    reconnectionDelay: options.reconnection.minDelayMs,
    reconnectionDelayMax: options.reconnection.maxDelayMs,
    // Jitter so a fleet of clients dropped by one server restart does not stampede it on return.
    randomizationFactor: 0.5,
  });

  let state: ConnectionState = 'idle';
  let everConnected = false;
  let closedByUser = true;
  let rejections = 0;
  let kicks = 0;
  let connectedAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The open() calls waiting for the next connect: each settles with the error, or none for success. */
  const waiters = new Set<(error?: SwitchboardError) => void>();
  const inflight = new Set<(error: SwitchboardError) => void>();

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    options.onStateChange(next);
  };

  const failInflight = (error: SwitchboardError): void => {
    for (const fail of [...inflight]) fail(error);
  };

  const settleWaiters = (error?: SwitchboardError): void => {
    for (const settle of [...waiters]) settle(error);
    waiters.clear();
  };

  const giveUp = (error: SwitchboardError): void => {
    // Counts as closed so a later open() starts over instead of waiting on a dead socket.
    closedByUser = true;
    clearTimeout(retryTimer);
    socket.disconnect();
    setState('disconnected');
    settleWaiters(error);
    options.onFatal(error);
  };

  const retryLater = (attempt: number): void => {
    setState(everConnected ? 'reconnecting' : 'connecting');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        if (!closedByUser) socket.connect();
      },
      backoffDelay(attempt, options.reconnection),
    );
  };

  // A refused handshake or a server-side kick: socket.io does not retry those on its own.
  const handleRefusal = async (error: SwitchboardError): Promise<void> => {
    rejections += 1;
    if (rejections > MAX_CONSECUTIVE_REJECTIONS) return giveUp(error);
    let retry = false;
    try {
      retry = await options.onRejected(error);
    } catch (refreshError) {
      return giveUp(refreshError instanceof SwitchboardError ? refreshError : error);
    }
    if (closedByUser) return;
    if (!retry) return giveUp(error);
    retryLater(rejections - 1);
  };

  socket.on('connect', () => {
    rejections = 0;
    connectedAt = Date.now();
    everConnected = true;
    setState('connected');
    settleWaiters();
    // `recovered` is undefined unless a recovery was attempted; only `true` means nothing was missed.
    options.onConnect(socket.recovered === true);
  });

  socket.on('disconnect', (reason: string) => {
    failInflight(new SwitchboardError('network', `Disconnected (${reason})`));
    if (closedByUser) return;
    if (socket.active) {
      setState('reconnecting');
      return;
    }
    // 'io server disconnect': the server ended the session, and socket.io will not reconnect on
    // its own. Try again; if the token is the problem, that handshake is refused and the refresh
    // path runs.
    // Back off further each time it happens soon after connecting, so a server that keeps
    // closing us gets ever rarer attempts instead of a tight loop.
    if (Date.now() - connectedAt > options.reconnection.maxDelayMs) kicks = 0;
    retryLater(kicks++);
  });

  socket.on('connect_error', (error: ConnectError) => {
    if (closedByUser) return;
    if (socket.active) {
      // A network-level failure: socket.io's manager is already retrying with jittered backoff.
      setState(everConnected ? 'reconnecting' : 'connecting');
      return;
    }
    const refusal =
      errorFromPayload(error.data, error.message) ?? new SwitchboardError('unauthorized', error.message);
    void handleRefusal(refusal);
  });

  return {
    get connected() {
      return socket.connected;
    },

    open() {
      const connected = new Promise<void>((resolve, reject) => {
        if (socket.connected) resolve();
        else waiters.add((error) => (error ? reject(error) : resolve()));
      });
      if (closedByUser) {
        closedByUser = false;
        rejections = 0;
        everConnected = false;
        setState('connecting');
        socket.connect();
      }
      return connected;
    },

    close() {
      const wasOpen = !closedByUser;
      closedByUser = true;
      clearTimeout(retryTimer);
      socket.disconnect();
      const closing = new SwitchboardError('network', 'Disconnected by the client');
      failInflight(closing);
      settleWaiters(closing);
      if (wasOpen || state !== 'idle') setState('disconnected');
    },

    request(name, payload) {
      type Data = AckData<Emit, typeof name>;
      if (!socket.connected) {
        return Promise.reject(new SwitchboardError('network', `Cannot send ${name}: not connected`));
      }
      return new Promise<Data>((resolve, reject) => {
        // Settles once: whichever of the ack, the timeout and a disconnect comes first wins, and
        // the later ones change nothing.
        const finish = (error: SwitchboardError | null, data?: Data): void => {
          clearTimeout(timer);
          inflight.delete(fail);
          if (error) reject(error);
          else resolve(data as Data);
        };
        const fail = (error: SwitchboardError): void => finish(error);
        const timer = setTimeout(
          () =>
            finish(
              new SwitchboardError(
                'timeout',
                `No acknowledgement for ${name} within ${options.ackTimeoutMs} ms`,
              ),
            ),
          options.ackTimeoutMs,
        );
        inflight.add(fail);
        socket.emit(name, payload, (ack: unknown) => {
          const error = errorFromAck(ack);
          finish(error, error ? undefined : (ack as { data: Data }).data);
        });
      });
    },

    signal(name, payload) {
      if (!socket.connected) return false;
      socket.emit(name, payload);
      return true;
    },

    on(name, listener) {
      socket.on(name, listener as unknown as AnyListener);
    },
  };
}
