// Keeps each conversation's message list complete: live messages are merged as they come, and a
// hole in the seqs (or a reconnect) triggers an `?afterSeq=` catch-up (DESIGN.md, guarantee 4).
import type { Message } from '@switchboard/protocol';
import type { HttpClient } from './http.js';
import { lazily } from './lazy.js';
import { isGap, lastSeq } from './message-log.js';

/** Where messages came from: live ones and catch-ups are news to report, history is not. */
export type MessageSource = 'live' | 'catch-up' | 'history';

export interface MessageSyncOptions {
  http: HttpClient;
  /** The messages held for a conversation, or `undefined` if its history was never loaded. */
  getMessages: (conversationId: string) => readonly Message[] | undefined;
  /** Merges messages into the state. */
  apply: (conversationId: string, messages: readonly Message[], source: MessageSource) => void;
  /** A background catch-up failed (it will be tried again on the next gap or reconnect). */
  onError: (error: unknown) => void;
}

export interface MessageSync {
  /** A message from the socket: merged at once, and a catch-up started if it reveals a gap. */
  receive(this: void, message: Message): void;
  /** Fetches everything after the last seq held (or before the earliest known gap), page by page. */
  catchUp(conversationId: string): Promise<void>;
  /** Drops what is known about a conversation's gaps, e.g. when it is no longer shown. */
  forget(conversationId: string): void;
}

export function createMessageSync(options: MessageSyncOptions): MessageSync {
  // The seq held just before each detected gap: the gapped message itself is merged at once (so
  // the user sees it), which moves the last seq past the hole, so the hole's start is kept here.
  const gapStarts = new Map<string, number>();

  const markGap = (conversationId: string, afterSeq: number): void => {
    const known = gapStarts.get(conversationId);
    gapStarts.set(conversationId, known === undefined ? afterSeq : Math.min(known, afterSeq));
  };

  const takeGapStart = (conversationId: string): number | undefined => {
    const start = gapStarts.get(conversationId);
    gapStarts.delete(conversationId);
    return start;
  };

  // Loaded with the first catch-up (see `lazily`): a failed load fails that catch-up with
  // `network`, and the gap stays on record for the next one.
  const catchUp = lazily(async () =>
    (await import('./catch-up.js')).createCatchUp({ ...options, takeGapStart, markGap }),
  );

  return {
    receive(message) {
      const held = options.getMessages(message.conversationId);
      const gap = held !== undefined && isGap(lastSeq(held), message.seq);
      if (gap) markGap(message.conversationId, lastSeq(held));
      options.apply(message.conversationId, [message], 'live');
      if (gap) catchUp(message.conversationId).catch(options.onError);
    },

    catchUp,

    forget(conversationId) {
      gapStarts.delete(conversationId);
    },
  };
}
