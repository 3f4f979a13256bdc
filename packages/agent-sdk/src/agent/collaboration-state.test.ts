import type { Contact, Label, Mention } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import {
  markMentionsRead,
  mergeLabels,
  mergeMentions,
  unreadCount,
  upsertContact,
  upsertLabel,
} from './collaboration-state.js';

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

function mention(id: string, minute: number, readAt: string | null = null): Mention {
  return {
    id,
    conversationId: 'c1',
    messageId: `note_${id}`,
    agentId: 'me',
    authorId: 'bo',
    text: `@me ${id}`,
    createdAt: at(minute),
    readAt,
  };
}

const label = (id: string, name: string, color = '#112233'): Label => ({
  id,
  siteId: 'site_1',
  key: null,
  name,
  color,
  createdAt: at(0),
});

describe('mergeMentions', () => {
  it('keeps one of each, newest first, and the same list when nothing is new', () => {
    const held = mergeMentions([], [mention('a', 1), mention('c', 3)]);
    const merged = mergeMentions(held, [mention('b', 2), mention('a', 1)]);
    expect(merged.map((m) => m.id)).toEqual(['c', 'b', 'a']);
    expect(mergeMentions(merged, [mention('b', 2)])).toBe(merged);
    expect(unreadCount(merged)).toBe(3);
  });

  it('never takes a read mark back when an older list arrives late', () => {
    const held = [mention('a', 1, at(5))];
    expect(mergeMentions(held, [mention('a', 1, null)])).toBe(held);
    expect(unreadCount(held)).toBe(0);
  });
});

describe('markMentionsRead', () => {
  it('marks the unread ones given, and leaves the rest (and read times) alone', () => {
    const held = [mention('b', 2), mention('a', 1, at(3))];
    const read = markMentionsRead(held, ['a', 'b', 'zzz'], at(9));
    expect(read.map((m) => m.readAt)).toEqual([at(9), at(3)]);
    expect(read[1]).toBe(held[1]);
    expect(markMentionsRead(read, ['a', 'b'], at(10))).toBe(read);
  });
});

describe('labels', () => {
  it('upsert by id and keep a live change over a list fetched before it', () => {
    const labels = upsertLabel({}, label('l1', 'VIP'));
    expect(upsertLabel(labels, label('l1', 'VIP'))).toBe(labels);
    const live = upsertLabel(labels, label('l1', 'Very important'));
    const merged = mergeLabels(live, [label('l1', 'VIP'), label('l2', 'Churn')], (id) => id === 'l1');
    expect(Object.values(merged).map((l) => l.name)).toEqual(['Very important', 'Churn']);
  });
});

describe('upsertContact', () => {
  const contact: Contact = {
    id: 'k1',
    siteId: 'site_1',
    externalId: null,
    name: 'Ada',
    email: null,
    phone: null,
    avatarUrl: null,
    attributes: { plan: 'pro' },
    preChat: null,
    createdAt: at(0),
  };

  it('adds what was read, follows live updates of held ones only, and ignores an equal copy', () => {
    expect(upsertContact({}, contact, true)).toEqual({});
    const held = upsertContact({}, contact);
    expect(upsertContact(held, { ...contact, attributes: { plan: 'pro' } }, true)).toBe(held);
    const updated = upsertContact(held, { ...contact, attributes: { plan: 'team' } }, true);
    expect(updated['k1']?.attributes).toEqual({ plan: 'team' });
  });
});
