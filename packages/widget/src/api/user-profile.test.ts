import { describe, expect, it } from 'vitest';
import { UserProfile } from './user-profile.js';

describe('UserProfile', () => {
  it('maps a user to the SDK identity, leaving out what was not given', () => {
    const profile = new UserProfile();
    expect(
      profile.setUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', avatar: 'https://x.test/a.png' }),
    ).toEqual({ userId: 'u1', name: 'Ada', email: 'ada@example.com', avatarUrl: 'https://x.test/a.png' });
    expect(profile.identity?.userId).toBe('u1');
  });

  it('holds attributes of an anonymous visitor and sends them with the next user', () => {
    const profile = new UserProfile();
    expect(profile.setAttributes({ plan: 'free', seats: 1 })).toBeNull();
    expect(profile.heldAttributes).toEqual({ plan: 'free', seats: 1 });
    expect(profile.setUser({ id: 'u1', attributes: { plan: 'pro' } })).toEqual({
      userId: 'u1',
      attributes: { plan: 'pro', seats: 1 },
    });
    expect(profile.heldAttributes).toEqual({});
  });

  it('merges attributes into a named user and forgets everything on clear', () => {
    const profile = new UserProfile();
    profile.setUser({ id: 'u1', identifierHash: 'a'.repeat(64) });
    expect(profile.setAttributes({ plan: 'pro' })).toEqual({
      userId: 'u1',
      identifierHash: 'a'.repeat(64),
      attributes: { plan: 'pro' },
    });
    profile.clear();
    expect(profile.identity).toBeNull();
    expect(profile.setAttributes({ x: 1 })).toBeNull();
  });
});
