import { Hono } from 'hono';
import type { SiteBot } from '@switchboard/protocol';
import { BotConfig, BusinessHours, NoAgentSettings, PreChatSettings } from '@switchboard/protocol/schemas';
import type { SdkBotHub } from '../../bots/sdk/hub.js';
import type { SiteRecord, Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAdmin, requireAgent } from '../middleware.js';
import { jsonBody } from '../validate.js';

/** What agents may see of a site: never its secrets (admins read the signing secret at /bot). */
const forAgents = ({
  identitySecret: _secret,
  signingSecret: _signing,
  botTokenHash,
  ...site
}: SiteRecord) => ({ ...site, hasBotToken: botTokenHash !== null });

const siteBot = (site: SiteRecord): SiteBot => ({
  config: site.bot,
  signingSecret: site.signingSecret,
  hasToken: site.botTokenHash !== null,
});

/**
 * Agents: `GET /v1/sites`. Admins: `PUT /:id/business-hours` (hours, or `null` for always open),
 * `GET|PUT /:id/bot` (a bot config, or `null` for none), `POST /:id/bot/token` (a new bot token,
 * shown once), `PUT /:id/no-agent` (what happens when nobody can answer), `PUT /:id/pre-chat`
 * (the form visitors fill in before their first conversation, or `null` for none).
 */
export function siteRoutes(sessions: SessionService, store: Store, bots: SdkBotHub) {
  return new Hono<HttpEnv>()
    .get('/', requireAgent(sessions), async (c) => c.json((await store.sites.list()).map(forAgents)))
    .put('/:id/business-hours', requireAdmin(sessions, store), async (c) => {
      const hours = await jsonBody(c, BusinessHours.nullable());
      const site = await store.sites.setBusinessHours(c.req.param('id'), hours);
      if (!site) throw new AppError('not_found', 'Site not found');
      return c.json(forAgents(site));
    })
    .get('/:id/bot', requireAdmin(sessions, store), async (c) => {
      const site = await store.sites.byId(c.req.param('id'));
      if (!site) throw new AppError('not_found', 'Site not found');
      return c.json(siteBot(site));
    })
    .put('/:id/bot', requireAdmin(sessions, store), async (c) => {
      const bot = await jsonBody(c, BotConfig.nullable());
      const site = await store.sites.update(c.req.param('id'), { bot });
      if (!site) throw new AppError('not_found', 'Site not found');
      return c.json(siteBot(site));
    })
    .post('/:id/bot/token', requireAdmin(sessions, store), async (c) => {
      const token = await sessions.issueBotToken(c.req.param('id'));
      // Bots still connected with the previous token are cut off now, not at their next reconnect.
      bots.disconnectAll(c.req.param('id'));
      return c.json({ token }, 201);
    })
    .put('/:id/no-agent', requireAdmin(sessions, store), async (c) => {
      const noAgent = await jsonBody(c, NoAgentSettings.nullable());
      const site = await store.sites.update(c.req.param('id'), { noAgent });
      if (!site) throw new AppError('not_found', 'Site not found');
      return c.json(forAgents(site));
    })
    .put('/:id/pre-chat', requireAdmin(sessions, store), async (c) => {
      const preChat = await jsonBody(c, PreChatSettings.nullable());
      const site = await store.sites.update(c.req.param('id'), { preChat });
      if (!site) throw new AppError('not_found', 'Site not found');
      return c.json(forAgents(site));
    });
}
