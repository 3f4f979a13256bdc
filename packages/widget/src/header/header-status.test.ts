import type { VisitorState } from '@switchboard/agent-sdk';
import type { Conversation } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { queueText } from './header.js';
import { headerStatus, initials, waitMinutes } from './header-status.js';

type Slice = Pick<VisitorState, 'conversation' | 'queuePosition' | 'site' | 'agents'>;

const conversation = (status: Conversation['status']) => ({ id: 'c1', status }) as Conversation;
const site = (open: boolean, nextOpenAt: string | null = null): Slice['site'] => ({
  id: 's1',
  name: 'Acme',
  availability: { open, afterHoursMode: open ? null : 'offline_form', nextOpenAt },
  preChat: null,
  uploads: { maxBytes: 1024, maxAttachments: 10, contentTypes: ['image/png'] },
});
const state = (overrides: Partial<Slice>): Slice => ({
  conversation: null,
  queuePosition: null,
  site: site(true),
  agents: {},
  ...overrides,
});

describe('headerStatus', () => {
  it('says nothing before a conversation while the team is in', () => {
    expect(headerStatus(state({}))).toBeNull();
  });

  it('names the bot while it has the conversation', () => {
    expect(headerStatus(state({ conversation: conversation('bot') }))).toEqual({ kind: 'bot' });
  });

  it('tells the queue position of the current conversation, with the estimate', () => {
    const queuePosition = { conversationId: 'c1', position: 3, estimatedWaitSeconds: 240 };
    expect(headerStatus(state({ conversation: conversation('queued'), queuePosition }))).toEqual({
      kind: 'queue',
      position: 3,
      waitSeconds: 240,
    });
  });

  it('ignores a position that belongs to another conversation', () => {
    const queuePosition = { conversationId: 'other', position: 1, estimatedWaitSeconds: null };
    expect(headerStatus(state({ conversation: conversation('queued'), queuePosition }))).toBeNull();
  });

  it('stands the team in for the agent of an active or pending conversation until their profile arrives', () => {
    expect(headerStatus(state({ conversation: conversation('active') }))).toEqual({ kind: 'team' });
    expect(headerStatus(state({ conversation: conversation('pending') }))).toEqual({ kind: 'team' });
    const assigned = { ...conversation('active'), assigneeId: 'a1' };
    expect(headerStatus(state({ conversation: assigned }))).toEqual({ kind: 'team' });
    const agents = { a1: { id: 'a1', name: 'Ada', avatarUrl: '/images/ada.svg' } };
    expect(headerStatus(state({ conversation: assigned, agents }))).toEqual({
      kind: 'agent',
      name: 'Ada',
      avatarUrl: '/images/ada.svg',
    });
  });

  it('says the team is away outside business hours, before and after a conversation, with when they are back', () => {
    expect(headerStatus(state({ site: site(false) }))).toEqual({ kind: 'away', nextOpenAt: null });
    const back = '2026-01-12T08:00:00.000Z';
    expect(headerStatus(state({ site: site(false, back), conversation: conversation('resolved') }))).toEqual({
      kind: 'away',
      nextOpenAt: back,
    });
    expect(headerStatus(state({ site: site(false, back), conversation: conversation('queued') }))).toEqual({
      kind: 'away',
      nextOpenAt: back,
    });
  });
});

describe('waitMinutes', () => {
  it('rounds to whole minutes, and under one minute to 0', () => {
    expect([0, 59, 60, 89, 90, 600].map(waitMinutes)).toEqual([0, 0, 1, 1, 2, 10]);
  });
});

describe('queueText', () => {
  it('gives the estimate only when there is one', () => {
    expect(queueText(2, null, en)).toBe('In queue — position 2');
    expect(queueText(2, 30, en)).toBe('In queue — position 2, less than a minute');
    expect(queueText(4, 310, en)).toBe('In queue — position 4, about 5 min');
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Support team')).toBe('ST');
    expect(initials('  ada  ')).toBe('A');
    expect(initials('Mary Ann van Dyke')).toBe('MD');
    expect(initials('')).toBe('');
  });
});
