// The connection-state and error bookkeeping both clients share, so they report alike.
import type { SwitchboardError } from '../errors.js';
import type { ConnectionState } from '../types.js';
import type { ErrorKind } from './connection.js';
import type { EventHub } from './emitter.js';
import { toSwitchboardError } from './error-utils.js';
import type { Outbox } from './outbox.js';
import type { Store } from './store.js';

interface StatusState {
  connection: ConnectionState;
  error: SwitchboardError | null;
}

interface StatusEvents {
  'connection:changed': ConnectionState;
  error: SwitchboardError;
}

/** Its methods are handed around as callbacks, so they need no `this`. */
export interface Status {
  setConnection(this: void, connection: ConnectionState): void;
  /** The connection core's error hook. */
  onError(this: void, error: SwitchboardError, kind: ErrorKind): void;
  /** A background task failed: tell listeners, keep going. */
  report(this: void, error: unknown): void;
}

export function createStatus(
  store: Store<StatusState>,
  hub: EventHub<StatusEvents>,
  outbox: () => Outbox,
): Status {
  return {
    setConnection(connection) {
      if (store.getSnapshot().connection === connection) return;
      // Being connected again clears the error that stopped us before.
      store.setState(connection === 'connected' ? { connection, error: null } : { connection });
      hub.emit('connection:changed', connection);
    },

    onError(error, kind) {
      if (kind === 'fatal') {
        // Nothing will carry queued messages until the app acts: reject their sends rather than
        // leave them hanging.
        outbox().failAll(error);
        store.setState({ error });
      } else if (kind === 'sync' && !error.retryable) {
        store.setState({ error });
      }
      hub.emit('error', error);
    },

    report(error) {
      hub.emit('error', toSwitchboardError(error));
    },
  };
}
