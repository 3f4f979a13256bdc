import type {
  AgentSession,
  PublicSite,
  UploadLimits,
  VisitorResume,
  VisitorSession,
  VisitorSessionRequest,
} from '@switchboard/protocol';
import type { Config } from '../config.js';
import { publicAgent, publicContact } from '../db/mappers.js';
import type { ContactProfile, ContactRecord, Store } from '../db/store.js';
import { AppError } from '../lib/app-error.js';
import { randomSecret, safeEqual, sha256, verifyPassword } from '../lib/secrets.js';
import type { TokenSigner } from '../lib/tokens.js';
import { checkIdentity } from './identity.js';
import { publicSite } from './public-site.js';
import type { Viewer } from './viewer.js';

export interface SessionService {
  /**
   * `origin` is the request's Origin header, checked against the site's allowlist. An `identity`
   * is checked against the site's `identityVerification` (see `VisitorIdentity` in the protocol).
   */
  createVisitorSession(request: VisitorSessionRequest, origin: string | undefined): Promise<VisitorSession>;
  /**
   * The site as a visitor sees it (name, availability, pre-chat form), before any session: the
   * widget reads it when the chat opens. The same origin check as sessions.
   */
  publicSite(siteKey: string, origin: string | undefined): Promise<PublicSite>;
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
  /** Announced to visitors with their site. */
  uploadLimits: UploadLimits;
}

const BOT_TOKEN_PREFIX = 'sbb_';

const unauthorized = (message: string) => new AppError('unauthorized', message);

/** The issue path lets a client tell a refused identity from a stale resume credential. */
const identityRefused = (reason: string) =>
  new AppError('unauthorized', `Identity verification failed: ${reason}`, [
    { path: 'identity.identifierHash', message: reason },
  ]);

/** The contact a session is for, and the resume secret to hand the browser. */
interface SessionContact {
  contact: ContactRecord;
  secret: string;
}

export function createSessionService({ store, tokens, config, now, uploadLimits }: Deps): SessionService {
  const expiry = (ttlSeconds: number) => Math.floor(now() / 1000) + ttlSeconds;
  const allowed = (origins: string[], origin: string | undefined) =>
    origin === undefined || origins.length === 0 || origins.includes(origin);

  /** The contact the credential belongs to, or null when it does not (or no longer) work. */
  async function resumed(
    siteId: string,
    { contactId, secret }: VisitorResume,
  ): Promise<ContactRecord | null> {
    const contact = await store.contacts.byId(contactId);
    const valid =
      contact !== null &&
      contact.siteId === siteId &&
      contact.resumeSecretHash !== null &&
      safeEqual(contact.resumeSecretHash, sha256(secret));
    return valid ? contact : null;
  }

  /** An anonymous visitor, or one whose identity is only profile data. */
  async function visitorContact(
    siteId: string,
    resume: VisitorResume | undefined,
    profile: ContactProfile | undefined,
  ): Promise<SessionContact> {
    if (!resume) {
      const secret = randomSecret();
      const contact = await store.contacts.create({ siteId, resumeSecretHash: sha256(secret), profile });
      return { contact, secret };
    }
    const contact = await resumed(siteId, resume);
    if (!contact) throw unauthorized('The stored visitor session is no longer valid');
    // Unverified data never overwrites what a verified identity set.
    const update = profile && Object.keys(profile).length > 0 && contact.externalId === null;
    return {
      contact: (update ? await store.contacts.update(contact.id, profile) : null) ?? contact,
      secret: resume.secret,
    };
  }

  /**
   * A verified identity decides the contact by itself, on any device. The credential sent along
   * only decides whether the browser keeps it: a stale one is no reason to refuse the visitor.
   */
  async function signIn(
    siteId: string,
    externalId: string,
    profile: ContactProfile,
    resume: VisitorResume | undefined,
  ): Promise<SessionContact> {
    const current = resume ? await resumed(siteId, resume) : null;
    const fresh = randomSecret();
    const { contact, secretReplaced } = await store.contacts.identify({
      siteId,
      externalId,
      profile,
      resumeSecretHash: sha256(fresh),
      current: current?.id ?? null,
    });
    return { contact, secret: !secretReplaced && resume ? resume.secret : fresh };
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

  async function siteFor(siteKey: string, origin: string | undefined) {
    const site = await store.sites.byKey(siteKey);
    if (!site) throw new AppError('not_found', 'Unknown site key');
    if (!allowed(site.allowedOrigins, origin)) {
      throw new AppError('origin_not_allowed', `Origin ${origin ?? ''} is not allowed for this site`);
    }
    return site;
  }

  return {
    async publicSite(siteKey, origin) {
      return publicSite(await siteFor(siteKey, origin), now(), uploadLimits);
    },

    async createVisitorSession({ siteKey, resume, identity }, origin) {
      const site = await siteFor(siteKey, origin);
      const check = checkIdentity(site.identityVerification, site.identitySecret, identity);
      if (check.status === 'refused') throw identityRefused(check.reason);
      const { contact, secret } =
        check.status === 'verified'
          ? await signIn(site.id, check.userId, check.profile, resume)
          : await visitorContact(site.id, resume, check.status === 'unverified' ? check.profile : undefined);
      const exp = expiry(config.visitorTokenTtlSeconds);
      return {
        token: tokens.sign({ kind: 'visitor', contactId: contact.id, siteId: site.id, exp }),
        expiresAt: new Date(exp * 1000).toISOString(),
        site: publicSite(site, now(), uploadLimits),
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
