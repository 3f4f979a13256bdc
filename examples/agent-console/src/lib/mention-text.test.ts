import { describe, expect, it } from 'vitest';
import { mentionQuery, mentionSegments, preferredHandle, suggestAgents } from './mention-text.js';

const ada = { id: 'a1', name: 'Ada Lovelace', email: 'ada@example.com' };
const adaB = { id: 'a2', name: 'Ada Byron', email: 'byron@example.com' };
const grace = { id: 'a3', name: 'Grace Hopper', email: 'ghopper@example.com' };
const agents = [ada, adaB, grace];

describe('mentionSegments', () => {
  it('marks the handles that name someone and leaves the rest as text', () => {
    expect(mentionSegments('Ask @grace, not @nobody or grace@example.com.', agents)).toEqual([
      { text: 'Ask ', agentId: null },
      { text: '@grace', agentId: 'a3' },
      { text: ', not @nobody or grace@example.com.', agentId: null },
    ]);
  });
});

describe('preferredHandle', () => {
  it('is the first name unless someone shares it, then the email’s local part, then the whole name', () => {
    expect(preferredHandle(grace, agents)).toBe('grace');
    expect(preferredHandle(adaB, agents)).toBe('byron');
    expect(preferredHandle(ada, agents)).toBe('adalovelace');
    expect(preferredHandle(ada, [ada, grace])).toBe('ada');
  });
});

describe('mentionQuery and suggestAgents', () => {
  it('find the handle being typed and who it could be', () => {
    expect(mentionQuery('cc @Gr', 6)).toEqual({ start: 3, query: 'gr' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail me@ex', 10)).toBeNull();
    expect(mentionQuery('done @grace now', 15)).toBeNull();
    expect(suggestAgents('gr', agents).map((a) => a.id)).toEqual(['a3']);
    expect(suggestAgents('', agents, 2).map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
