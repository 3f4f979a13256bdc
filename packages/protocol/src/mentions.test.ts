import { describe, expect, it } from 'vitest';
import { agentHandles, mentionedAgentIds, mentionTokens, normalizeHandle } from './mentions.js';

const ada = { id: 'a1', name: 'Ada Lovelace', email: 'ada.l@example.com' };
const grace = { id: 'a2', name: 'Grace Hopper', email: 'grace@example.com' };
const zoe = { id: 'a3', name: 'Zoë-Ann Smith', email: 'zsmith@example.com' };
const otherAda = { id: 'a4', name: 'Ada Byron', email: 'byron@example.com' };

describe('agentHandles', () => {
  it('are the email’s local part, the first name and the whole name, normalised', () => {
    expect(agentHandles(ada)).toEqual(['adal', 'ada', 'adalovelace']);
    expect(agentHandles(zoe)).toEqual(['zsmith', 'zoeann', 'zoeannsmith']);
    expect(normalizeHandle('Zoë-Ann')).toBe('zoeann');
  });
});

describe('mentionTokens', () => {
  it('finds @handles but not email addresses, and drops trailing punctuation', () => {
    expect(mentionTokens('@Ada. mail ada@example.com, ping @grace_h- now')).toEqual([
      { index: 0, length: 4, handle: 'ada' },
      { index: 33, length: 8, handle: 'graceh' },
    ]);
    expect(mentionTokens('(@ada) @@ada @')).toEqual([{ index: 1, length: 4, handle: 'ada' }]);
  });
});

describe('mentionedAgentIds', () => {
  it('resolves each handle once, in order, and a shared first name to everyone with it', () => {
    const agents = [ada, grace, zoe, otherAda];
    expect(mentionedAgentIds('@grace and @AdaLovelace, also @grace', agents)).toEqual(['a2', 'a1']);
    expect(mentionedAgentIds('hey @zoë-ann', agents)).toEqual(['a3']);
    expect(mentionedAgentIds('@ada?', agents)).toEqual(['a1', 'a4']);
    expect(mentionedAgentIds('@nobody, write to grace@example.com', agents)).toEqual([]);
  });
});
