import type { Message } from '@switchboard/protocol';

const T0 = Date.parse('2025-01-01T10:00:00.000Z');
let seq = 0;

/**
 * A stored message for unit tests: each call takes the next `seq`. `at` is milliseconds after a
 * fixed start (for grouping by time); everything else can be overridden.
 */
export function message(overrides: Partial<Message> & { at?: number } = {}): Message {
  seq++;
  const { at = 0, ...rest } = overrides;
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    clientMessageId: `CM${String(seq).padStart(24, '0')}`,
    seq,
    authorKind: 'visitor',
    authorId: 'contact1',
    kind: 'text',
    text: `text ${seq}`,
    quickReplies: [],
    cards: [],
    attachments: [],
    form: null,
    createdAt: new Date(T0 + at).toISOString(),
    ...rest,
  };
}

export const MESSAGE_EPOCH = T0;
