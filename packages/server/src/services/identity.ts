// Identity verification: whether a visitor's claimed `userId` comes from the site's backend.
// Pure, so every mode × input combination is tested without a database.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IdentityVerification, VisitorIdentity } from '@switchboard/protocol';
import type { ContactProfile } from '../db/store.js';

/** What the server makes of a session request's identity. */
export type IdentityCheck =
  | { status: 'anonymous' }
  /** Profile data for the visitor's own contact; the userId signs nobody in. */
  | { status: 'unverified'; profile: ContactProfile }
  | { status: 'verified'; userId: string; profile: ContactProfile }
  | { status: 'refused'; reason: string };

/** The hex HMAC-SHA256 of `userId` under the site's identity secret: what the site's backend sends. */
export function identifierHash(identitySecret: string, userId: string): string {
  return createHmac('sha256', identitySecret).update(userId, 'utf8').digest('hex');
}

/** Compared in constant time, so response times do not reveal how much of a guess was right. */
export function hashMatches(identitySecret: string, userId: string, hash: string): boolean {
  // An empty secret is a misconfigured site: anyone could compute its hashes.
  if (identitySecret.length === 0) return false;
  const expected = Buffer.from(identifierHash(identitySecret, userId), 'hex');
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function profileOf({
  userId: _userId,
  identifierHash: _hash,
  ...profile
}: VisitorIdentity): ContactProfile {
  return profile;
}

export function checkIdentity(
  mode: IdentityVerification,
  identitySecret: string,
  identity: VisitorIdentity | undefined,
): IdentityCheck {
  if (!identity) return { status: 'anonymous' };
  const profile = profileOf(identity);
  // `off` ignores the hash altogether: a site that never set verification up cannot sign anyone in.
  if (mode === 'off') return { status: 'unverified', profile };
  const hash = identity.identifierHash;
  if (hash === undefined) {
    if (mode === 'optional') return { status: 'unverified', profile };
    return { status: 'refused', reason: 'this site requires an identifierHash with every identity' };
  }
  if (!hashMatches(identitySecret, identity.userId, hash)) {
    return { status: 'refused', reason: 'identifierHash does not match userId' };
  }
  return { status: 'verified', userId: identity.userId, profile };
}
