import type { ConversationStatus } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/factories.js';
import { inTab, LIST_TABS, tabCounts, type ListTab } from './tabs.js';

const tabsOf = (status: ConversationStatus, assigneeId: string | null, selfId: string | null): ListTab[] =>
  LIST_TABS.filter((tab) => inTab(conversation('c', { status, assigneeId }), tab, selfId));

describe('inTab', () => {
  it('puts each conversation in the tabs its status and assignee call for', () => {
    expect(tabsOf('queued', null, 'me')).toEqual(['queue', 'all']);
    expect(tabsOf('active', 'me', 'me')).toEqual(['mine', 'all']);
    expect(tabsOf('pending', 'me', 'me')).toEqual(['mine', 'all']);
    expect(tabsOf('active', 'colleague', 'me')).toEqual(['all']);
    expect(tabsOf('bot', null, 'me')).toEqual(['bot', 'all']);
    expect(tabsOf('resolved', 'me', 'me')).toEqual(['closed']);
    expect(tabsOf('abandoned', null, 'me')).toEqual(['closed']);
  });

  it('shows nothing as mine before the client knows who is signed in', () => {
    expect(tabsOf('active', 'me', null)).toEqual(['all']);
  });
});

describe('tabCounts', () => {
  it('counts every tab at once', () => {
    const counts = tabCounts(
      [
        conversation('a', { status: 'queued' }),
        conversation('b', { status: 'queued' }),
        conversation('c', { status: 'active', assigneeId: 'me' }),
        conversation('d', { status: 'active', assigneeId: 'colleague' }),
        conversation('e', { status: 'resolved', assigneeId: 'me' }),
        conversation('f', { status: 'bot' }),
      ],
      'me',
    );
    expect(counts).toEqual({ mine: 1, queue: 2, bot: 1, all: 5, closed: 1 });
  });
});
