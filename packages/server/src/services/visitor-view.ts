import type { Conversation } from '@switchboard/protocol';

/**
 * A conversation as its visitor may see it: without what agents keep to themselves (tags and
 * labels). Everything that hands a visitor a conversation, over a socket or REST, goes through it.
 */
export function forVisitor(conversation: Conversation): Conversation {
  if (conversation.tags.length === 0 && conversation.labelIds.length === 0) return conversation;
  return { ...conversation, tags: [], labelIds: [] };
}
