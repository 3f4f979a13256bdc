import { Hono } from 'hono';
import { BusinessHours } from '@switchboard/protocol/schemas';
import type { SiteRecord, Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAdmin, requireAgent } from '../middleware.js';
import { jsonBody } from '../validate.js';

/** What agents may see of a site: never its identity secret. */
const forAgents = ({ identitySecret: _secret, ...site }: SiteRecord) => site;

/**
 * `GET /v1/sites` (agents) and `PUT /v1/sites/:id/business-hours` (admins; body: business hours,
 * or `null` for always open).
 */
export function siteRoutes(sessions: SessionService, store: Store) {
  return new Hono<HttpEnv>()
    .get('/', requireAgent(sessions), async (c) => c.json((await store.sites.list()).map(forAgents)))
    .put('/:id/business-hours', requireAdmin(sessions, store), async (c) => {
      const hours = await jsonBody(c, BusinessHours.nullable());
      const site = await store.sites.setBusinessHours(c.req.param('id'), hours);
      if (!site) throw new AppError('not_found', 'Site not found');
      return c.json(forAgents(site));
    });
}
