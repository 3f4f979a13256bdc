import type { Conversation } from '@switchboard/protocol';

/** Who is asking: resolved from a bearer token by the HTTP and socket layers alike. */
export type Viewer =
  | { kind: 'visitor'; contactId: string; siteId: string }
  | { kind: 'agent'; agentId: string }
  /** A site's bot (REST or SDK), from the site's bot token. */
  | { kind: 'bot'; siteId: string };

/** Visitors see only their own conversations, bots their site's; agents see all (inboxes come later). */
export function canSee(viewer: Viewer, conversation: Conversation): boolean {
  if (viewer.kind === 'agent') return true;
  if (viewer.kind === 'bot') return conversation.siteId === viewer.siteId;
  return conversation.contactId === viewer.contactId;
}
