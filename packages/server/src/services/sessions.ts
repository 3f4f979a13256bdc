import type { AgentSession, VisitorSession, VisitorSessionRequest } from '@switchboard/protocol';
import type { Config } from '../config.js';
import { publicAgent, publicContact } from '../db/mappers.js';
import type { ContactRecord, Store } from '../db/store.js';
import { availability } from '../domain/business-hours.js';
import { AppError } from '../lib/app-error.js';
import { randomSecret, safeEqual, sha256, verifyPassword } from '../lib/secrets.js';
import type { TokenSigner } from '../lib/tokens.js';
import type { Viewer } from './viewer.js';

export interface SessionService {
  /** `origin` is the request's Origin header, checked against the site's allowlist. */
  createVisitorSession(request: VisitorSessionRequest, origin: string | undefined): Promise<VisitorSession>;
  loginAgent(email: string, password: string): Promise<AgentSession>;
  /** Resolves a bearer token, or throws `unauthorized`. */
  authenticate(token: string | undefined): Promise<Viewer>;
  /** A new bot token for the site; the previous one stops working. Shown once, stored hashed. */
  issueBotToken(siteId: string): Promise<string>;
  /** Whether a browser page at `origin` may act for the site. A missing origin is a non-browser client. */
  originAllowed(siteId: string, origin: string | undefined): Promise<boolean>;
}

interface Deps {
  store: Store;
  tokens: TokenSigner;
  config: Pick<Config, 'visitorTokenTtlSeconds' | 'agentTokenTtlSeconds'>;
  now: () => number;
}

const BOT_TOKEN_PREFIX = 'sbb_';

const unauthorized = (message: string) => new AppError('unauthorized', message);

export function createSessionService({ store, tokens, config, now }: Deps): SessionService {
  const expiry = (ttlSeconds: number) => Math.floor(now() / 1000) + ttlSeconds;
  const allowed = (origins: string[], origin: string | undefined) =>
    origin === undefined || origins.length === 0 || origins.includes(origin);

  async function resumeContact(siteId: string, contactId: string, secret: string): Promise<ContactRecord> {
    const contact = await store.contacts.byId(contactId);
    const valid =
      contact !== null &&
      contact.siteId === siteId &&
      contact.resumeSecretHash !== null &&
      safeEqual(contact.resumeSecretHash, sha256(secret));
    if (!valid) throw unauthorized('The stored visitor session is no longer valid');
    return contact;
  }

  /** Bot tokens are long-lived API keys (`sbb_<siteId>_<secret>`), checked against the stored hash. */
  async function authenticateBot(token: string): Promise<Viewer> {
    const siteId = token.slice(BOT_TOKEN_PREFIX.length).split('_')[0] ?? '';
    const site = siteId ? await store.sites.byId(siteId) : null;
    if (!site?.botTokenHash || !safeEqual(site.botTokenHash, sha256(token))) {
      throw unauthorized('Invalid bot token');
    }
    return { kind: 'bot', siteId: site.id };
  }

  return {
    async createVisitorSession({ siteKey, resume }, origin) {
      const site = await store.sites.byKey(siteKey);
      if (!site) throw new AppError('not_found', 'Unknown site key');
      if (!allowed(site.allowedOrigins, origin)) {
        throw new AppError('origin_not_allowed', `Origin ${origin ?? ''} is not allowed for this site`);
      }
      let secret: string;
      let contact: ContactRecord;
      if (resume) {
        contact = await resumeContact(site.id, resume.contactId, resume.secret);
        secret = resume.secret;
      } else {
        secret = randomSecret();
        contact = await store.contacts.create({ siteId: site.id, resumeSecretHash: sha256(secret) });
      }
      const exp = expiry(config.visitorTokenTtlSeconds);
      return {
        token: tokens.sign({ kind: 'visitor', contactId: contact.id, siteId: site.id, exp }),
        expiresAt: new Date(exp * 1000).toISOString(),
        site: { id: site.id, name: site.name, availability: availability(site.businessHours, now()) },
        contact: publicContact(contact),
        resume: { contactId: contact.id, secret },
      };
    },

    async loginAgent(email, password) {
      const agent = await store.agents.byEmail(email);
      // Verify against a dummy hash when the agent is unknown, so timing does not reveal emails.
      const ok = await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH);
      if (!agent || !ok) throw unauthorized('Wrong email or password');
      const exp = expiry(config.agentTokenTtlSeconds);
      return {
        token: tokens.sign({ kind: 'agent', agentId: agent.id, exp }),
        expiresAt: new Date(exp * 1000).toISOString(),
        agent: publicAgent(agent),
      };
    },

    async authenticate(token) {
      if (token?.startsWith(BOT_TOKEN_PREFIX)) return authenticateBot(token);
      const claims = token ? tokens.verify(token) : null;
      if (!claims) throw unauthorized('Missing, invalid or expired token');
      if (claims.kind === 'visitor')
        return { kind: 'visitor', contactId: claims.contactId, siteId: claims.siteId };
      if (!(await store.agents.byId(claims.agentId))) throw unauthorized('Agent no longer exists');
      return { kind: 'agent', agentId: claims.agentId };
    },

    async issueBotToken(siteId) {
      const token = `${BOT_TOKEN_PREFIX}${siteId}_${randomSecret()}`;
      if (!(await store.sites.update(siteId, { botTokenHash: sha256(token) })))
        throw AppError.notFound('Site');
      return token;
    },

    async originAllowed(siteId, origin) {
      const site = await store.sites.byId(siteId);
      return site !== null && allowed(site.allowedOrigins, origin);
    },
  };
}

const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
