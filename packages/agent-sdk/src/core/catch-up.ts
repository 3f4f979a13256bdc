// Reading what a conversation missed: every message after the last seq held (or after the earliest
// known gap), page by page. Only a reconnect or a hole in the seqs calls for it, which most page
// views never see, so message-sync.ts loads it with the first catch-up.
import { fetchMessages } from './api.js';
import { lastSeq } from './message-log.js';
import type { MessageSyncOptions } from './message-sync.js';
import { createKeyedRunner } from './keyed-runner.js';

/** The page size of catch-up reads: the most the server allows, since they run until exhausted. */
export const CATCH_UP_PAGE_SIZE = 200;

export interface CatchUpOptions extends Pick<MessageSyncOptions, 'http' | 'getMessages' | 'apply'> {
  /** Where the conversation's earliest known gap starts, if it has one; forgotten once read. */
  takeGapStart: (conversationId: string) => number | undefined;
  /** Keeps a hole on record, so that the next catch-up starts from it. */
  markGap: (conversationId: string, afterSeq: number) => void;
}

/** A conversation's catch-up, one at a time per conversation (see `createKeyedRunner`). */
export function createCatchUp(options: CatchUpOptions): (conversationId: string) => Promise<void> {
  return createKeyedRunner<string>(async (conversationId) => {
    const held = options.getMessages(conversationId) ?? [];
    let afterSeq = Math.min(options.takeGapStart(conversationId) ?? Number.POSITIVE_INFINITY, lastSeq(held));
    try {
      for (;;) {
        const page = await fetchMessages(options.http, conversationId, {
          afterSeq,
          limit: CATCH_UP_PAGE_SIZE,
        });
        options.apply(conversationId, page.items, 'catch-up');
        const last = page.items.at(-1);
        if (!page.hasMore || !last) return;
        afterSeq = last.seq;
      }
    } catch (error) {
      options.markGap(conversationId, afterSeq);
      throw error;
    }
  });
}
