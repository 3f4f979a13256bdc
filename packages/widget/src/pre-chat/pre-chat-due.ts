import type { VisitorState } from '@switchboard/agent-sdk';
import {
  preChatPending,
  type PreChatContact,
  type PreChatSettings,
  type VisitorIdentity,
} from '@switchboard/protocol';

/**
 * Who the page's user is, as far as the pre-chat rules go, before a session says so. A user with
 * an `identifierHash` is taken as verified: the site vouches for them, and should the server not
 * agree, its `pre_chat_required` brings the form back.
 */
function contactOfUser(user: VisitorIdentity): PreChatContact {
  return {
    externalId: user.identifierHash ? user.userId : null,
    name: user.name ?? null,
    email: user.email ?? null,
    phone: user.phone ?? null,
    attributes: user.attributes ?? {},
    preChat: null,
  };
}

/**
 * The pre-chat form to show now, or null: the site has one, the visitor has no conversation yet
 * and nothing on its way, and the form is due for them (see `preChatPending`). While a stored
 * session is being resumed, who the visitor is is not known yet, so nothing is shown rather than
 * a form that may vanish a moment later.
 */
export function preChatDue(
  state: Pick<VisitorState, 'site' | 'contact' | 'conversation' | 'pending' | 'connection'>,
  user: VisitorIdentity | undefined,
): PreChatSettings | null {
  const settings = state.site?.preChat ?? null;
  if (!settings || state.conversation) return null;
  // A message refused for want of the form is the one case a message does not stand in for it.
  if (state.pending.some((message) => message.error?.code !== 'pre_chat_required')) return null;
  if (!state.contact && (state.connection === 'connecting' || state.connection === 'reconnecting'))
    return null;
  const contact = state.contact ?? (user ? contactOfUser(user) : null);
  return preChatPending(settings, contact) ? settings : null;
}
