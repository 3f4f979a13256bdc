// CSAT: the visitor rates their resolved conversation. One request with its own answer, like the
// offline form; the server treats the same rating again as the same request, so no id is needed.
import {
  MAX_CSAT_COMMENT,
  MAX_CSAT_SCORE,
  type Conversation,
  type CsatSubmission,
} from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { EngineParts } from './engine-parts.js';

export interface RaterOptions {
  /** The conversation to rate, once connected and synced; null when there is none. */
  conversation: () => Promise<Conversation | null>;
  request: (submission: CsatSubmission) => Promise<Conversation>;
  /** The rated conversation, to apply to the state. */
  onRated: (conversation: Conversation) => void;
}

/** What the server would refuse: a score that is not a whole number from 1 to 5, an overlong comment. */
export function validateRating(score: number, comment: string | undefined): SwitchboardError | null {
  if (!Number.isInteger(score) || score < 1 || score > MAX_CSAT_SCORE) {
    return new SwitchboardError('invalid_payload', `A rating is a whole number from 1 to ${MAX_CSAT_SCORE}`, [
      { path: 'score', message: `must be a whole number from 1 to ${MAX_CSAT_SCORE}` },
    ]);
  }
  if (comment !== undefined && (typeof comment !== 'string' || comment.trim().length > MAX_CSAT_COMMENT)) {
    return new SwitchboardError('invalid_payload', `A comment is at most ${MAX_CSAT_COMMENT} characters`, [
      { path: 'comment', message: `must be text of at most ${MAX_CSAT_COMMENT} characters` },
    ]);
  }
  return null;
}

export function createRater(
  options: RaterOptions,
): (score: number, comment?: string) => Promise<Conversation> {
  return async (score, comment) => {
    const invalid = validateRating(score, comment);
    if (invalid) throw invalid;
    const conversation = await options.conversation();
    if (!conversation) throw new SwitchboardError('not_found', 'There is no conversation to rate');
    const text = comment?.trim();
    // The payload is strict: leave a blank comment out rather than send it.
    const rated = await options.request({
      conversationId: conversation.id,
      score,
      ...(text ? { comment: text } : {}),
    });
    options.onRated(rated);
    return rated;
  };
}

/** The engine's `rate`: the current conversation, once connected and synced. */
export function raterFor({ store, core, conversation, activate }: EngineParts) {
  return createRater({
    conversation: async () => {
      // Connected and synced first: the join may find the conversation gone.
      if (store.getSnapshot().conversation) await activate();
      return store.getSnapshot().conversation;
    },
    request: (submission) => core.transport.request('conversation:rate', submission),
    onRated: (rated) => conversation.adopt(rated),
  });
}
