/** Every agent socket joins this room; agents see all conversations for now. */
export const AGENTS_ROOM = 'agents';

/** A conversation's participants on the visitor side. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
