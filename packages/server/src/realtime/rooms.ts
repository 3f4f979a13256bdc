/** Every agent socket joins this room; agents see all conversations for now. */
export const AGENTS_ROOM = 'agents';

/** One agent's sockets (every console they have open): for what is theirs alone, like mentions. */
export const agentRoom = (agentId: string) => `agent:${agentId}`;

/** A conversation's participants on the visitor side. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
