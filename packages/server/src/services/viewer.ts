import type { Conversation } from '@switchboard/protocol';

/** Who is asking: resolved from a bearer token by the HTTP and socket layers alike. */
export type Viewer =
  { kind: 'visitor'; contactId: string; siteId: string } | { kind: 'agent'; agentId: string };

/** Visitors see only their own conversations; agents see all (roles and inboxes come later). */
export function canSee(viewer: Viewer, conversation: Conversation): boolean {
  return viewer.kind === 'agent' || conversation.contactId === viewer.contactId;
}
