import { describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import { lastSeenReply } from './seen.js';

describe('lastSeenReply', () => {
  const replies = [
    message(1, { authorKind: 'visitor' }),
    message(2, { authorKind: 'agent' }),
    message(3, { authorKind: 'agent', kind: 'note' }),
    message(4, { authorKind: 'agent' }),
  ];

  it('is the latest agent reply at or below the visitor’s read mark, never a note', () => {
    expect(lastSeenReply(replies, 4)?.seq).toBe(4);
    expect(lastSeenReply(replies, 3)?.seq).toBe(2);
    expect(lastSeenReply(replies, 1)).toBeNull();
    expect(lastSeenReply([], 9)).toBeNull();
  });
});
