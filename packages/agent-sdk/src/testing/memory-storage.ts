import type { KeyValueStorage } from '../types.js';

/** A `KeyValueStorage` over a Map, with a log of writes so tests can assert there were none. */
export class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  readonly writes: string[] = [];
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes.push(`set ${key}`);
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.writes.push(`remove ${key}`);
    this.map.delete(key);
  }
}
