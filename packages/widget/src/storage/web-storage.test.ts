import { describe, expect, it } from 'vitest';
import { createWebStorage } from './web-storage.js';

class MemoryStorage implements Storage {
  readonly data = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('createWebStorage', () => {
  it('reads and writes through to the backing storage', () => {
    const backing = new MemoryStorage();
    const storage = createWebStorage(() => backing);
    expect(storage.getItem('a')).toBeNull();
    storage.setItem('a', '1');
    expect(backing.getItem('a')).toBe('1');
    expect(storage.getItem('a')).toBe('1');
    storage.removeItem('a');
    expect(backing.length).toBe(0);
    expect(storage.getItem('a')).toBeNull();
  });

  it('touches nothing until asked', () => {
    let resolved = 0;
    const backing = new MemoryStorage();
    createWebStorage(() => {
      resolved++;
      return backing;
    });
    expect(resolved).toBe(0);
    expect(backing.length).toBe(0);
  });

  it('keeps working in memory when storage cannot be reached', () => {
    let resolved = 0;
    const storage = createWebStorage(() => {
      resolved++;
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(storage.getItem('a')).toBeNull();
    storage.setItem('a', '1');
    expect(storage.getItem('a')).toBe('1');
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
    expect(resolved).toBe(1);
  });

  it('keeps a value whose write failed and prefers it until a write succeeds', () => {
    const backing = new MemoryStorage();
    backing.setItem('a', 'old');
    const storage = createWebStorage(() => backing);
    backing.failWrites = true;
    storage.setItem('a', 'new');
    expect(storage.getItem('a')).toBe('new');
    expect(backing.getItem('a')).toBe('old');

    backing.failWrites = false;
    storage.setItem('a', 'newer');
    expect(backing.getItem('a')).toBe('newer');
    expect(storage.getItem('a')).toBe('newer');
  });

  it('is memory only without a window', () => {
    const storage = createWebStorage();
    storage.setItem('a', '1');
    expect(storage.getItem('a')).toBe('1');
  });
});
