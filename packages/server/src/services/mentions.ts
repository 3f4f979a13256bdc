// @mentions in internal notes: who a note names (resolved here, stored with the note), and each
// agent's own list of them.
import {
  mentionedAgentIds,
  type MentionPage,
  type MentionsRead,
  type MentionsReadPayload,
} from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Viewer } from './viewer.js';

export interface MentionService {
  /** The agents a note by `authorId` mentions (never the author), as `mentionedAgentIds` reads them. */
  resolve(text: string, authorId: string): Promise<string[]>;
  /** Your own mentions, newest first. */
  list(
    viewer: Viewer,
    query: { unread: boolean; limit: number; cursor?: string | undefined },
  ): Promise<MentionPage>;
  /** Marks your own unread mentions read and tells your other consoles (`mentions:read`). */
  markRead(viewer: Viewer, payload: MentionsReadPayload): Promise<MentionsRead>;
}

function requireAgent(viewer: Viewer): string {
  if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents are mentioned');
  return viewer.agentId;
}

export function createMentionService({
  store,
  bus,
  now,
}: {
  store: Store;
  bus: EventBus;
  now: () => number;
}): MentionService {
  return {
    async resolve(text, authorId) {
      // Most notes name nobody: no need to read the agents then.
      if (!text.includes('@')) return [];
      const agents = await store.agents.presence();
      return mentionedAgentIds(text, agents).filter((id) => id !== authorId);
    },

    async list(viewer, query) {
      return store.mentions.list(requireAgent(viewer), query);
    },

    async markRead(viewer, payload) {
      const agentId = requireAgent(viewer);
      const at = now();
      const mentionIds = await store.mentions.markRead(agentId, payload, at);
      const read = { mentionIds, readAt: new Date(at).toISOString() };
      if (mentionIds.length > 0) bus.publish('mentions.read', { ...read, agentId });
      return read;
    },
  };
}
