import { describe, expect, it } from 'vitest';
import { verifyMailgun } from './mailgun-signature.js';
import { createReplayGuard } from './replay-guard.js';
import { mailgunSignature, SIGNING_KEY as KEY } from './testing/deliveries.js';

const NOW = 1_750_000_000_000;
const at = (offsetSeconds: number) => ({ timestamp: NOW / 1000 + offsetSeconds });

describe('verifyMailgun', () => {
  it('accepts a fresh signature once, and refuses the same token again', () => {
    const guard = createReplayGuard();
    const fields = mailgunSignature(KEY, at(-10));
    expect(verifyMailgun(KEY, fields, guard, 'k', NOW)).toEqual({ ok: true });
    expect(verifyMailgun(KEY, fields, guard, 'k', NOW + 1000)).toMatchObject({
      ok: false,
      status: 401,
      reason: expect.stringContaining('already used') as string,
    });
    // Another signing key's deliveries keep their own tokens.
    expect(verifyMailgun(KEY, fields, guard, 'other-key', NOW)).toEqual({ ok: true });
  });

  it('refuses a wrong key, a changed token or timestamp, and a one-digit change in the signature', () => {
    const guard = createReplayGuard();
    const fields = mailgunSignature(KEY, at(0));
    const flipped = fields.signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const forged of [
      mailgunSignature('key-of-somebody-else-entirely', { ...at(0), token: fields.token }),
      { ...fields, token: `${fields.token}x` },
      { ...fields, timestamp: String(Number(fields.timestamp) + 1) },
      { ...fields, signature: flipped },
      { ...fields, signature: undefined },
      { ...fields, signature: 'not-hex' },
    ]) {
      expect(verifyMailgun(KEY, forged, guard, 'k', NOW)).toMatchObject({ ok: false, status: 401 });
    }
    // None of the forgeries used the token up.
    expect(verifyMailgun(KEY, fields, guard, 'k', NOW)).toEqual({ ok: true });
  });

  it('refuses a timestamp more than five minutes old or ahead', () => {
    const guard = createReplayGuard();
    const stale = verifyMailgun(KEY, mailgunSignature(KEY, at(-301)), guard, 'k', NOW);
    expect(stale).toMatchObject({ ok: false, reason: expect.stringContaining('stale') as string });
    expect(verifyMailgun(KEY, mailgunSignature(KEY, at(301)), guard, 'k', NOW)).toMatchObject({ ok: false });
    expect(verifyMailgun(KEY, mailgunSignature(KEY, at(-299)), guard, 'k', NOW)).toEqual({ ok: true });
  });
});

describe('createReplayGuard', () => {
  it('forgets a token once its window has passed, and refuses new ones when full rather than forget live ones', () => {
    const guard = createReplayGuard(2);
    expect(guard.claim('a', NOW + 1000, NOW)).toBe('claimed');
    expect(guard.claim('b', NOW + 5000, NOW)).toBe('claimed');
    expect(guard.claim('c', NOW + 5000, NOW)).toBe('full');
    expect(guard.claim('a', NOW + 1000, NOW + 500)).toBe('replay');
    // "a" expired: its place is free again.
    expect(guard.claim('c', NOW + 9000, NOW + 2000)).toBe('claimed');
    expect(guard.claim('b', NOW + 5000, NOW + 2000)).toBe('replay');
  });
});
