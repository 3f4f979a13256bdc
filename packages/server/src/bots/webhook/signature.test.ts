import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature.js';

const SECRET = 'whsec_test';
const NOW_MS = 1_700_000_000_000;
const TIMESTAMP = '1700000000';
const BODY = '{"event":"message.created","text":"héllo"}';

describe('signPayload', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>", as openssl computes it', () => {
    // printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac secret
    expect(signPayload('secret', TIMESTAMP, '{}')).toBe(
      'sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163',
    );
  });

  it('signs a string and its UTF-8 bytes alike', () => {
    expect(signPayload(SECRET, TIMESTAMP, Buffer.from(BODY))).toBe(signPayload(SECRET, TIMESTAMP, BODY));
  });
});

describe('verifySignature', () => {
  const header = signPayload(SECRET, TIMESTAMP, BODY);

  it('accepts its own signature, from a string or the raw bytes', () => {
    expect(verifySignature(SECRET, TIMESTAMP, BODY, header, { now: NOW_MS })).toBe(true);
    expect(verifySignature(SECRET, TIMESTAMP, Buffer.from(BODY), header, { now: NOW_MS + 299_000 })).toBe(
      true,
    );
  });

  it('rejects another secret', () => {
    expect(verifySignature('whsec_other', TIMESTAMP, BODY, header, { now: NOW_MS })).toBe(false);
  });

  it('rejects a tampered body or timestamp', () => {
    expect(verifySignature(SECRET, TIMESTAMP, BODY.replace('héllo', 'hello'), header, { now: NOW_MS })).toBe(
      false,
    );
    expect(verifySignature(SECRET, '1700000001', BODY, header, { now: NOW_MS })).toBe(false);
  });

  it('rejects a timestamp outside the tolerance, in the past or the future', () => {
    expect(verifySignature(SECRET, TIMESTAMP, BODY, header, { now: NOW_MS + 301_000 })).toBe(false);
    expect(verifySignature(SECRET, TIMESTAMP, BODY, header, { now: NOW_MS - 301_000 })).toBe(false);
    expect(
      verifySignature(SECRET, TIMESTAMP, BODY, header, { now: NOW_MS + 3_600_000, toleranceSeconds: 3600 }),
    ).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['without the scheme', header.slice('sha256='.length)],
    ['another scheme', header.replace('sha256=', 'sha1=')],
    ['too short', header.slice(0, -2)],
    ['too long', `${header}00`],
    ['not hex', header.replace(/.$/, 'z')],
  ])('rejects a %s header', (_label, malformed) => {
    expect(verifySignature(SECRET, TIMESTAMP, BODY, malformed, { now: NOW_MS })).toBe(false);
  });

  it.each(['', '1700000000.5', '-1700000000', 'soon', ' 1700000000'])('rejects the timestamp %j', (ts) => {
    expect(verifySignature(SECRET, ts, BODY, signPayload(SECRET, ts, BODY), { now: NOW_MS })).toBe(false);
  });
});
