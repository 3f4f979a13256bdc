import { describe, expect, it } from 'vitest';
import { createTokenSigner } from './tokens.js';

describe('token signer', () => {
  const secret = 's'.repeat(40);
  const exp = Math.floor(Date.now() / 1000) + 60;

  it('round-trips claims', () => {
    const signer = createTokenSigner(secret);
    const token = signer.sign({ kind: 'agent', agentId: 'a1', exp });
    expect(signer.verify(token)).toEqual({ kind: 'agent', agentId: 'a1', exp });
  });

  it('rejects tampered payloads, other secrets and garbage', () => {
    const signer = createTokenSigner(secret);
    const token = signer.sign({ kind: 'visitor', contactId: 'c1', siteId: 's1', exp });
    const [v, payload, mac] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ kind: 'agent', agentId: 'admin', exp })).toString(
      'base64url',
    );
    expect(signer.verify(`${v}.${forged}.${mac}`)).toBeNull();
    expect(createTokenSigner('t'.repeat(40)).verify(token)).toBeNull();
    expect(signer.verify(`${v}.${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    for (const junk of ['', 'v1', 'v1..', 'v2.a.b', 'x.y.z.w']) expect(signer.verify(junk)).toBeNull();
  });

  it('rejects expired tokens', () => {
    let now = Date.now();
    const signer = createTokenSigner(secret, () => now);
    const token = signer.sign({ kind: 'agent', agentId: 'a1', exp: Math.floor(now / 1000) + 10 });
    expect(signer.verify(token)).not.toBeNull();
    now += 11_000;
    expect(signer.verify(token)).toBeNull();
  });
});
