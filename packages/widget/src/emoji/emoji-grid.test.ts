import { describe, expect, it } from 'vitest';
import { EMOJI_COLUMNS, nextIndex } from './emoji-grid.js';

describe('nextIndex', () => {
  const count = EMOJI_COLUMNS * 4;

  it('moves by one across and by a row up and down, staying inside the grid', () => {
    expect(nextIndex('ArrowRight', 0, count, false)).toBe(1);
    expect(nextIndex('ArrowLeft', 0, count, false)).toBe(0);
    expect(nextIndex('ArrowDown', 2, count, false)).toBe(2 + EMOJI_COLUMNS);
    expect(nextIndex('ArrowUp', 2, count, false)).toBe(0);
    expect(nextIndex('ArrowDown', count - 2, count, false)).toBe(count - 1);
    expect(nextIndex('End', 3, count, false)).toBe(count - 1);
    expect(nextIndex('Home', 9, count, false)).toBe(0);
  });

  it('follows the reading direction in right-to-left layouts', () => {
    expect(nextIndex('ArrowLeft', 3, count, true)).toBe(4);
    expect(nextIndex('ArrowRight', 3, count, true)).toBe(2);
  });

  it('leaves other keys to the browser', () => {
    expect(nextIndex('Enter', 3, count, false)).toBeNull();
    expect(nextIndex('a', 3, count, false)).toBeNull();
  });
});
