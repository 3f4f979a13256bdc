// A ULID minter with no dependencies, shared by clients (outbox ids) and the server (row ids).
// Web Crypto is present in every browser we support and in Node >= 19.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Mints a 26-character ULID: 48 bits of milliseconds then 80 random bits, Crockford base32. */
export function ulid(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let random = '';
  for (const byte of bytes) random += ALPHABET.charAt(byte % 32);
  return time + random;
}

/** The millisecond timestamp a ULID was minted at. */
export function ulidTime(id: string): number {
  let t = 0;
  for (const char of id.slice(0, 10)) t = t * 32 + ALPHABET.indexOf(char);
  return t;
}
