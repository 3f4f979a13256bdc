// `identify()`: signing the visitor in as the site's logged-in user while the page is open. Loaded
// on first use, since most pages never call it.
import type { VisitorIdentity as SiteUser } from '@switchboard/protocol';
import { fetchConversations } from '../core/api.js';
import { isOpen } from '../core/conversations.js';
import type { EngineParts } from './engine-parts.js';

/** The engine's `identify`; `active` says whether the socket was in use when the app asked. */
export function identifierFor({ core, conversation, identity, activate, stop }: EngineParts) {
  return async (user: SiteUser, active: boolean): Promise<void> => {
    if (!(await identity.signIn(user))) return;
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
