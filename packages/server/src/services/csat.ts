// CSAT: the visitor rates a resolved conversation, once per resolution (reopening clears the
// rating, see Store.conversations.transition; the timeline keeps every `rated` event).
import type { Conversation, CsatRating, CsatSubmission } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import { canSee, type Viewer } from './viewer.js';

export interface CsatService {
  /**
   * Stores the visitor's rating of their resolved conversation and announces it. The same rating
   * again (a retry) returns the conversation as it is; a different one is a `conflict`, as is
   * rating a conversation that is not resolved. Someone else's conversation is `not_found`.
   */
  rate(viewer: Viewer, submission: CsatSubmission): Promise<Conversation>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  now: () => number;
}

const sameRating = (csat: CsatRating | null, score: number, comment: string | null) =>
  csat !== null && csat.score === score && csat.comment === comment;

export function createCsatService({ store, bus, now }: Deps): CsatService {
  return {
    async rate(viewer, { conversationId, score, comment: given }) {
      if (viewer.kind !== 'visitor') throw new AppError('forbidden', 'Only the visitor rates a conversation');
      const current = await store.conversations.byId(conversationId);
      if (!current || !canSee(viewer, current)) throw AppError.notFound('Conversation');
      const comment = given || null;
      if (sameRating(current.csat, score, comment)) return current;
      const result = await store.conversations.transition({
        conversationId,
        expect: { statuses: ['resolved'], rated: false },
        set: { csat: { score, comment, ratedAt: now() } },
        event: { type: 'rated', actorKind: 'visitor', actorId: viewer.contactId, data: { score, comment } },
      });
      if (!result.ok) {
        if (!result.current) throw AppError.notFound('Conversation');
        // Two tabs sending the same rating at once: the slower one gets what the faster stored.
        if (sameRating(result.current.csat, score, comment)) return result.current;
        throw new AppError(
          'conflict',
          result.current.csat
            ? 'The conversation is already rated'
            : `Only a resolved conversation can be rated; this one is ${result.current.status}`,
        );
      }
      bus.publish('conversation.rated', { conversation: result.conversation, score, comment });
      return result.conversation;
    },
  };
}
