import { describe, expect, it } from 'vitest';
import { availableActions } from './conversation-actions.js';

describe('availableActions', () => {
  it('offers accept only for queued conversations', () => {
    expect(availableActions('queued')).toEqual({
      accept: true,
      resolve: true,
      transfer: true,
      reopen: false,
      priority: true,
    });
    expect(availableActions('active').accept).toBe(false);
  });

  it('lets a bot conversation be resolved but not transferred', () => {
    expect(availableActions('bot')).toMatchObject({ resolve: true, transfer: false, priority: true });
  });

  it('offers only reopen once a conversation is closed', () => {
    for (const status of ['resolved', 'abandoned'] as const) {
      expect(availableActions(status)).toEqual({
        accept: false,
        resolve: false,
        transfer: false,
        reopen: true,
        priority: false,
      });
    }
  });
});
