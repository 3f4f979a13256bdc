import { describe, expect, it } from 'vitest';
import { EMOJI, EMOJI_COLUMNS } from './emoji-grid.js';
import { isEmojiOnly } from './emoji-set.js';

describe('isEmojiOnly', () => {
  it('is true for one to three emoji, with skin tones, joiners and spaces', () => {
    for (const text of ['👍', '👍🏽', ' 🎉 🎉 ', '❤️', '👩‍💻', '🙏🙏🙏'])
      expect(isEmojiOnly(text), text).toBe(true);
  });

  it('is false for text, numbers, four emoji or more, and the empty string', () => {
    for (const text of ['ok 👍', '42', '#', '👍👍👍👍', '', '   ', '<img src=x>'])
      expect(isEmojiOnly(text), text).toBe(false);
  });
});

describe('the emoji set', () => {
  it('fills whole rows of the grid, each emoji once and each one on its own', () => {
    expect(EMOJI.length % EMOJI_COLUMNS).toBe(0);
    expect(new Set(EMOJI).size).toBe(EMOJI.length);
    for (const emoji of EMOJI) expect(isEmojiOnly(emoji), emoji).toBe(true);
  });
});
