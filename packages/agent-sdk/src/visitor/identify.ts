// `identify()`: signing the visitor in as the site's logged-in user while the page is open. Loaded
// on first use, since most pages never call it.
import type { VisitorIdentity as SiteUser, VisitorSession } from '@switchboard/protocol';
import { fetchConversations } from '../core/api.js';
import { isOpen } from '../core/conversations.js';
import { SwitchboardError } from '../errors.js';
import type { EngineParts } from './engine-parts.js';
import { unlessStale, type VisitorIdentity } from './visitor-identity.js';

/**
 * Re-creates the session as the site's logged-in `user`, sending the credential along. Rejects
 * when the server refuses (the visitor stays who they were); resolves whether the session now
 * belongs to another contact than before.
 */
async function signIn(identity: VisitorIdentity, user: SiteUser): Promise<boolean> {
  const superseded = identity.supersede();
  const { resume } = identity;
  const previous = identity.session?.contact.id ?? resume?.contactId ?? null;
  let next: VisitorSession;
  try {
    next = await identity.request(resume, user);
  } catch (caught) {
    unlessStale(resume, caught);
    // A stale credential: the identity alone decides who the visitor is.
    next = await identity.request(null, user);
  }
  if (superseded()) {
    throw new SwitchboardError('conflict', 'The visitor was reset or identified again in the meantime');
  }
  identity.install(next, user);
  return next.contact.id !== previous;
}

/** The engine's `identify`; `active` says whether the socket was in use when the app asked. */
export function identifierFor({ core, conversation, identity, activate, stop }: EngineParts) {
  return async (user: SiteUser, active: boolean): Promise<void> => {
    if (!(await signIn(identity, user))) return;
    // Another contact now: their latest open conversation replaces the one on screen, and the
    // socket reconnects as them. Pending messages follow the visitor into it.
    stop();
    conversation.drop();
    // Best effort: without it, the visitor's next message finds the open conversation anyway.
    const page = await fetchConversations(core.http, { limit: 10 }).catch(() => null);
    conversation.restore(page?.items.find(isOpen)?.id ?? null);
    if (active || core.outbox.entries.length > 0) await activate();
  };
}
