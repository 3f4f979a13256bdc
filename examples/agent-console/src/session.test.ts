import { describe, expect, it } from 'vitest';
import { sessionStore } from './session.js';

function memoryStorage(): { data: Map<string, string>; storage: Storage } {
  const data = new Map<string, string>();
  const storage = {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  } as Storage;
  return { data, storage };
}

describe('sessionStore', () => {
  it('reads, writes and clears the token under one key', () => {
    const { data, storage } = memoryStorage();
    const sessions = sessionStore(storage);
    expect(sessions.read()).toBeNull();
    sessions.write({ token: 't' });
    expect(data.get('switchboard-console:session')).toBe('{"token":"t"}');
    expect(sessions.read()).toEqual({ token: 't' });
    sessions.clear();
    expect(sessions.read()).toBeNull();
    expect(data.size).toBe(0);
  });

  it('keeps only the token of a session written with more, e.g. by an older console', () => {
    const { data, storage } = memoryStorage();
    data.set('switchboard-console:session', JSON.stringify({ token: 't', agent: { id: 'a1', name: 'Ann' } }));
    expect(sessionStore(storage).read()).toEqual({ token: 't' });
  });

  it('treats garbage as no session', () => {
    const { data, storage } = memoryStorage();
    const sessions = sessionStore(storage);
    for (const stored of ['{not json', 'null', '"t"', '{"token":42}', '{"token":""}', '[]']) {
      data.set('switchboard-console:session', stored);
      expect(sessions.read()).toBeNull();
    }
  });
});
