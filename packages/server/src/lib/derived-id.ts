import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id derived from `seed`: the same seed always gives the same id. Bot replies use
 * it as their clientMessageId, so answering one delivery twice stores the reply once.
 */
export function derivedMessageId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let i = 0; i < 26; i++) {
    // 5 bits per character from the digest's bit stream.
    const bit = i * 5;
    const byte = bit >> 3;
    const pair = ((digest[byte] ?? 0) << 8) | (digest[byte + 1] ?? 0);
    id += CROCKFORD[(pair >> (11 - (bit & 7))) & 31];
  }
  return id;
}
