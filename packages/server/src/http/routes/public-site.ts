import { Hono } from 'hono';
import type { RateLimiter } from '../../lib/rate-limit.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { rateLimit } from '../middleware.js';

/**
 * `GET /v1/sites/by-key/:siteKey/public`: the site as its visitors see it (`PublicSite`), for a
 * widget that has no session yet, so that it can show the pre-chat form and whether the team is
 * in. Anyone may ask, from an origin the site allows, within the session rate limit.
 */
export function publicSiteRoutes(sessions: SessionService, limiter: RateLimiter) {
  return new Hono<HttpEnv>().get('/by-key/:siteKey/public', rateLimit(limiter), async (c) => {
    const site = await sessions.publicSite(c.req.param('siteKey'), c.req.header('origin'));
    // Availability changes with the clock and the settings with the admin: a minute is fresh
    // enough. (The CORS middleware adds `Vary: Origin`, as the allowlist makes the answer depend on it.)
    c.header('cache-control', 'private, max-age=60');
    return c.json(site);
  });
}
