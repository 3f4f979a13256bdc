import * as crypto from 'node:crypto';
import type { IdentityVerification, VisitorIdentity } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { checkIdentity, hashMatches, identifierHash } from './identity.js';

// Spy on the comparison without changing it, to prove the hash is checked in constant time.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const SECRET = 'site-identity-secret';
const hmac = (userId: string, secret = SECRET) =>
  crypto.createHmac('sha256', secret).update(userId).digest('hex');

const identity = (hash?: string): VisitorIdentity => ({
  userId: 'user-42',
  name: 'Ada',
  attributes: { plan: 'pro' },
  ...(hash === undefined ? {} : { identifierHash: hash }),
});
const profile = { name: 'Ada', attributes: { plan: 'pro' } };

describe('identifierHash', () => {
  it('is the lowercase hex HMAC-SHA256 of the userId under the site secret', () => {
    expect(identifierHash(SECRET, 'user-42')).toBe(hmac('user-42'));
    expect(identifierHash(SECRET, 'user-42')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('hashMatches', () => {
  it('accepts the right hash and refuses another user’s, another secret’s and garbage', () => {
    expect(hashMatches(SECRET, 'user-42', hmac('user-42'))).toBe(true);
    expect(hashMatches(SECRET, 'user-42', hmac('user-43'))).toBe(false);
    expect(hashMatches(SECRET, 'user-42', hmac('user-42', 'another-secret'))).toBe(false);
    expect(hashMatches(SECRET, 'user-42', 'zz')).toBe(false);
  });

  it('compares with crypto.timingSafeEqual', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    hashMatches(SECRET, 'user-42', hmac('user-43'));
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('verifies nothing under an empty secret, whose hashes anyone can compute', () => {
    expect(hashMatches('', 'user-42', hmac('user-42', ''))).toBe(false);
  });
});

describe('checkIdentity', () => {
  const good = hmac('user-42');
  const bad = 'f'.repeat(64);
  const otherUser = hmac('user-43');
  const anonymous = { status: 'anonymous' };
  const unverified = { status: 'unverified', profile };
  const verified = { status: 'verified', userId: 'user-42', profile };
  const refused = { status: 'refused', reason: expect.any(String) as unknown };

  const cases: [IdentityVerification, string, VisitorIdentity | undefined, unknown][] = [
    ['off', 'no identity', undefined, anonymous],
    ['off', 'no hash', identity(), unverified],
    ['off', 'a good hash', identity(good), unverified],
    ['off', 'a bad hash', identity(bad), unverified],
    ['off', "another user's hash", identity(otherUser), unverified],
    ['optional', 'no identity', undefined, anonymous],
    ['optional', 'no hash', identity(), unverified],
    ['optional', 'a good hash', identity(good), verified],
    ['optional', 'a bad hash', identity(bad), refused],
    ['optional', "another user's hash", identity(otherUser), refused],
    ['enforce', 'no identity', undefined, anonymous],
    ['enforce', 'no hash', identity(), refused],
    ['enforce', 'a good hash', identity(good), verified],
    ['enforce', 'a bad hash', identity(bad), refused],
    ['enforce', "another user's hash", identity(otherUser), refused],
  ];

  it.each(cases)('%s with %s', (mode, _label, input, expected) => {
    expect(checkIdentity(mode, SECRET, input)).toEqual(expected);
  });

  it('keeps the userId and hash out of the profile', () => {
    const result = checkIdentity('optional', SECRET, { ...identity(good), email: 'ada@example.com' });
    expect(result).toEqual({ ...verified, profile: { ...profile, email: 'ada@example.com' } });
  });
});
