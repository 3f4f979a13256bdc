import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a bearer token grants: a visitor scoped to one contact, or an agent. */
export type TokenClaims =
  | { kind: 'visitor'; contactId: string; siteId: string; exp: number }
  | { kind: 'agent'; agentId: string; exp: number };

export interface TokenSigner {
  sign(claims: TokenClaims): string;
  /** Returns the claims of a well-signed, unexpired token, else null. */
  verify(token: string): TokenClaims | null;
}

// Compact HMAC-signed tokens ("v1.<payload>.<mac>"): no JWT header to negotiate algorithms from.
export function createTokenSigner(secret: string, now: () => number = Date.now): TokenSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `v1.${payload}.${mac(payload)}`;
    },
    verify(token) {
      const [version, payload, signature] = token.split('.');
      if (version !== 'v1' || !payload || !signature) return null;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
        return claims.exp * 1000 > now() ? claims : null;
      } catch {
        return null;
      }
    },
  };
}
