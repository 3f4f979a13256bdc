import { describe, expect, it, vi } from 'vitest';
import { ReadMarks } from './read-marks.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('ReadMarks', () => {
  it('only moves forward and notifies on change', () => {
    const marks = new ReadMarks(memoryStorage(), 'k');
    const listener = vi.fn();
    marks.subscribe(listener);
    marks.markRead('c1', 3);
    marks.markRead('c1', 2);
    marks.markRead('c1', 3);
    expect(marks.snapshot).toEqual({ c1: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('persists and restores, dropping malformed entries', () => {
    const storage = memoryStorage();
    new ReadMarks(storage, 'k').markRead('c1', 4);
    expect(new ReadMarks(storage, 'k').snapshot).toEqual({ c1: 4 });

    storage.setItem('k', JSON.stringify({ c1: 2, c2: 'x', c3: -1, c4: 1.5 }));
    expect(new ReadMarks(storage, 'k').snapshot).toEqual({ c1: 2 });
    storage.setItem('k', 'not json');
    expect(new ReadMarks(storage, 'k').snapshot).toEqual({});
  });

  it('keeps working in memory when storage throws', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const marks = new ReadMarks(storage, 'k');
    marks.markRead('c1', 1);
    expect(marks.snapshot).toEqual({ c1: 1 });
  });
});
