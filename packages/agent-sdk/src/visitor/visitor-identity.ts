// The visitor's identity: the short-lived session token and the long-lived resume credential.
import type { VisitorSession } from '@switchboard/protocol';
import type { VisitorState } from '../types.js';
import { createVisitorSession } from '../core/api.js';
import type { HttpClient } from '../core/http.js';
import { toSwitchboardError } from '../core/error-utils.js';
import type { Store } from '../core/store.js';
import type { VisitorSessionStorage } from './session-storage.js';

export interface VisitorIdentityOptions {
  siteKey: string;
  http: HttpClient;
  storage: VisitorSessionStorage;
  store: Store<VisitorState>;
  /** The conversation to remember alongside the credential. */
  conversationId: () => string | null;
  /**
   * Whether a brand-new visitor may be created when the stored credential is refused: only once
   * the visitor has written something, so an old tab does not mint contacts nobody uses.
   */
  mayStartOver: () => boolean;
  /** The credential was refused and forgotten; whatever belonged to it goes too. */
  onForgotten: () => void;
}

export interface VisitorIdentity {
  readonly session: VisitorSession | null;
  /** Whether there is anything to resume (a session in memory or a stored credential). */
  readonly resumable: boolean;
  /**
   * Creates the session, resuming the stored credential when there is one. Resolves `false` when
   * the credential was refused and starting over is not allowed yet.
   */
  open(): Promise<boolean>;
  /** Writes the credential and conversation id (a no-op before there is a session). */
  persist(): void;
  /** Forgets the session and the stored credential. */
  forget(): void;
}

export function createVisitorIdentity(options: VisitorIdentityOptions): VisitorIdentity {
  const { siteKey, http, storage, store } = options;
  let session: VisitorSession | null = null;

  const persist = (): void => {
    if (session) storage.write({ siteKey, resume: session.resume, conversationId: options.conversationId() });
  };

  const forget = (): void => {
    session = null;
    storage.clear();
    store.setState({ site: null, contact: null });
  };

  return {
    get session() {
      return session;
    },

    get resumable() {
      return session !== null || storage.read() !== null;
    },

    async open() {
      const resume = session?.resume ?? storage.read()?.resume ?? null;
      try {
        session = await createVisitorSession(http, resume ? { siteKey, resume } : { siteKey });
      } catch (caught) {
        const error = toSwitchboardError(caught);
        if (!resume || error.code !== 'unauthorized') throw error;
        // The credential no longer works (contact erased, secret rotated): start over.
        forget();
        options.onForgotten();
        if (!options.mayStartOver()) return false;
        session = await createVisitorSession(http, { siteKey });
      }
      store.setState({ site: session.site, contact: session.contact });
      persist();
      return true;
    },

    persist,
    forget,
  };
}
