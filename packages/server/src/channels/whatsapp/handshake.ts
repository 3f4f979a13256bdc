// Meta's webhook verification: when an admin saves the callback URL, Meta sends
// `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` and expects the challenge back.
import { safeEqual, sha256 } from '../../lib/secrets.js';

export function answerHandshake(
  verifyToken: string,
  query: URLSearchParams,
): { status: number; body: string } | null {
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || challenge === null) return null;
  // Hashed first so that the compare takes the same time whatever the length of the guess.
  if (!safeEqual(sha256(query.get('hub.verify_token') ?? ''), sha256(verifyToken)))
    return { status: 403, body: 'The verify token does not match this channel' };
  return { status: 200, body: challenge };
}
