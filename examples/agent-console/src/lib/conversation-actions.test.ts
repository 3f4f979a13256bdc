import type { Handoff } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/factories.js';
import { availableActions, canHandBack } from './conversation-actions.js';

describe('availableActions', () => {
  it('offers accept only for queued conversations', () => {
    expect(availableActions('queued')).toEqual({
      accept: true,
      intervene: false,
      resolve: true,
      transfer: true,
      reopen: false,
      priority: true,
    });
    expect(availableActions('active').accept).toBe(false);
  });

  it('lets an agent intervene in a bot conversation, or resolve it, but not transfer it', () => {
    expect(availableActions('bot')).toMatchObject({
      accept: false,
      intervene: true,
      resolve: true,
      transfer: false,
      priority: true,
    });
    expect(availableActions('queued').intervene).toBe(false);
  });

  it('offers only reopen once a conversation is closed', () => {
    for (const status of ['resolved', 'abandoned'] as const) {
      expect(availableActions(status)).toEqual({
        accept: false,
        intervene: false,
        resolve: false,
        transfer: false,
        reopen: true,
        priority: false,
      });
    }
  });
});

describe('canHandBack', () => {
  const handoff: Handoff = {
    reason: 'visitor_request',
    summary: 'Visitor asked for a person.',
    requestedAt: '2025-06-18T10:00:00.000Z',
    acceptedAt: '2025-06-18T10:01:00.000Z',
    targetQueueId: null,
    skills: [],
  };

  it('offers the hand-back on my own conversation that came from the bot', () => {
    expect(canHandBack(conversation('c', { status: 'active', assigneeId: 'me', handoff }), 'me')).toBe(true);
    expect(canHandBack(conversation('c', { status: 'pending', assigneeId: 'me', handoff }), 'me')).toBe(true);
  });

  it('not without a handoff, on someone else’s, or outside active and pending', () => {
    expect(canHandBack(conversation('c', { status: 'active', assigneeId: 'me' }), 'me')).toBe(false);
    expect(canHandBack(conversation('c', { status: 'active', assigneeId: 'other', handoff }), 'me')).toBe(
      false,
    );
    expect(canHandBack(conversation('c', { status: 'active', assigneeId: 'me', handoff }), null)).toBe(false);
    for (const status of ['bot', 'queued', 'resolved', 'abandoned'] as const)
      expect(canHandBack(conversation('c', { status, assigneeId: 'me', handoff }), 'me')).toBe(false);
  });
});
