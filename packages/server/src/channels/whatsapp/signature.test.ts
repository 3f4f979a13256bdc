import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerHandshake } from './handshake.js';
import { hubSignature, verifyHubSignature } from '../meta/hub.js';

const SECRET = 'app-secret-from-meta';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
// Computed independently of the code under test, as Meta does.
const metaSignature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('X-Hub-Signature-256', () => {
  it('accepts the signature Meta computes over the raw bytes', () => {
    expect(hubSignature(SECRET, body)).toBe(metaSignature);
    expect(verifyHubSignature(SECRET, body, metaSignature)).toEqual({ ok: true });
    expect(verifyHubSignature(SECRET, body, metaSignature.toUpperCase().replace('SHA256', 'sha256')).ok).toBe(
      true,
    );
  });

  it('refuses a missing, malformed or wrong signature, and any changed byte', () => {
    expect(verifyHubSignature(SECRET, body, null)).toMatchObject({ ok: false, status: 401 });
    expect(verifyHubSignature(SECRET, body, 'sha1=abc')).toMatchObject({ ok: false, status: 401 });
    expect(verifyHubSignature('another-secret', body, metaSignature)).toMatchObject({ ok: false });
    for (let index = 0; index < body.length; index += 7) {
      const mutated = Buffer.from(body);
      mutated.writeUInt8(mutated.readUInt8(index) ^ 1, index);
      expect(verifyHubSignature(SECRET, mutated, metaSignature).ok).toBe(false);
    }
  });
});

describe('verification handshake', () => {
  const query = (values: Record<string, string>) => new URLSearchParams(values);

  it('echoes the challenge for the right verify token only', () => {
    const good = {
      'hub.mode': 'subscribe',
      'hub.verify_token': 'my-verify-token',
      'hub.challenge': '1158201444',
    };
    expect(answerHandshake('my-verify-token', query(good))).toEqual({ status: 200, body: '1158201444' });
    expect(answerHandshake('my-verify-token', query({ ...good, 'hub.verify_token': 'guess' }))).toMatchObject(
      {
        status: 403,
      },
    );
    expect(answerHandshake('my-verify-token', query({ ...good, 'hub.mode': 'unsubscribe' }))).toBeNull();
    expect(answerHandshake('my-verify-token', query({}))).toBeNull();
  });
});
