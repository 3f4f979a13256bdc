// The visitor's identity: the short-lived session token, the long-lived resume credential and,
// for a site's logged-in user, who they are on that site (sent with every session request).
import type {
  VisitorIdentity as SiteUser,
  VisitorResume,
  VisitorSession,
  VisitorSessionRequest,
} from '@switchboard/protocol';
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
  /** The site's logged-in user to start with, if any. */
  user: SiteUser | undefined;
  /** The conversation to remember alongside the credential. */
  conversationId: () => string | null;
  /**
   * Whether the visitor has written something (or has messages waiting). Only then may a
   * brand-new visitor be created when the stored credential is refused, so an old tab does not
   * mint contacts nobody uses; and only then (or once something is stored) may the storage be
   * written (DESIGN.md, Security).
   */
  interacted: () => boolean;
  /** The credential was refused and forgotten; whatever belonged to it goes too. */
  onForgotten: () => void;
}

export interface VisitorIdentity {
  readonly session: VisitorSession | null;
  /** Whether there is anything to resume (a session in memory or a stored credential). */
  readonly resumable: boolean;
  /** The credential a session request resumes: the session's, else the stored one. */
  readonly resume: VisitorResume | null;
  /**
   * Creates the session, resuming the stored credential when there is one. Resolves `false` when
   * the credential was refused and starting over is not allowed yet.
   */
  open(): Promise<boolean>;
  /** Asks the server for a session, resuming `resume`, as the site's user `as` if any. */
  request(resume: VisitorResume | null, as: SiteUser | undefined): Promise<VisitorSession>;
  /**
   * Starts a change of who the visitor is (identify.ts): an `open()` in flight is discarded, and
   * the function returned tells whether another change (or `signOut()`) came after this one.
   */
  supersede(): () => boolean;
  /** Makes `next` the session, and `as` the site's user that later sessions are asked for. */
  install(next: VisitorSession, as: SiteUser | undefined): void;
  /** Writes the credential and conversation id (a no-op before there is a session or may be one). */
  persist(): void;
  /** Forgets the session, the stored credential and the logged-in user. */
  signOut(): void;
}

/**
 * Rethrows a failed session request unless the server refused the stored credential `resume` it
 * carried: a refused identity (a wrong or missing hash) is the site's problem, not the credential's.
 */
export function unlessStale(resume: VisitorResume | null, caught: unknown): void {
  const error = toSwitchboardError(caught);
  const identityRefused = (error.issues ?? []).some((issue) => issue.path.startsWith('identity'));
  if (!resume || error.code !== 'unauthorized' || identityRefused) throw error;
}

export function createVisitorIdentity(options: VisitorIdentityOptions): VisitorIdentity {
  const { siteKey, http, storage, store } = options;
  let session: VisitorSession | null = null;
  let user = options.user;
  /** Bumped by supersede() and signOut(): a session request started before then is discarded. */
  let epoch = 0;

  /** Whether `epoch` moved on since now. */
  const watchEpoch = (): (() => boolean) => {
    const started = epoch;
    return () => started !== epoch;
  };

  const request = (resume: VisitorResume | null, as: SiteUser | undefined): Promise<VisitorSession> => {
    const body: VisitorSessionRequest = { siteKey };
    if (resume) body.resume = resume;
    if (as) body.identity = as;
    return createVisitorSession(http, body);
  };

  const persist = (): void => {
    if (!session || !(options.interacted() || storage.read() !== null)) return;
    storage.write({ siteKey, resume: session.resume, conversationId: options.conversationId() });
  };

  const install = (next: VisitorSession, as: SiteUser | undefined): void => {
    session = next;
    user = as;
    store.setState({ site: next.site, contact: next.contact });
    persist();
  };

  const storedResume = (): VisitorResume | null => session?.resume ?? storage.read()?.resume ?? null;

  const clear = (): void => {
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

    get resume() {
      return storedResume();
    },

    async open() {
      // Superseded by identify() or signOut(): whoever did that owns the session now.
      const superseded = watchEpoch();
      const resume = storedResume();
      let next: VisitorSession;
      try {
        next = await request(resume, user);
      } catch (caught) {
        if (superseded()) return true;
        unlessStale(resume, caught);
        // The credential no longer works (contact erased, secret rotated): start over.
        clear();
        options.onForgotten();
        if (!options.interacted()) return false;
        next = await request(null, user);
      }
      if (!superseded()) install(next, user);
      return true;
    },

    request,

    supersede() {
      epoch += 1;
      return watchEpoch();
    },

    install,

    persist,

    signOut() {
      epoch += 1;
      user = undefined;
      clear();
    },
  };
}
