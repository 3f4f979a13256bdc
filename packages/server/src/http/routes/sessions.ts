import { Hono } from 'hono';
import { AgentLoginRequest, VisitorSessionRequest } from '@switchboard/protocol/schemas';
import type { RateLimiter } from '../../lib/rate-limit.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { rateLimit } from '../middleware.js';
import { jsonBody } from '../validate.js';

/**
 * `POST /v1/visitor/sessions` (anonymous, resumed, or for a site's logged-in user: see
 * `VisitorIdentity` in the protocol) and `POST /v1/agent/sessions`.
 */
export function sessionRoutes(sessions: SessionService, limiter: RateLimiter) {
  // Middleware per route, not `.use()`: this sub-app is mounted at /v1, where `.use()` would
  // apply to every /v1 request.
  const limited = rateLimit(limiter);
  return new Hono<HttpEnv>()
    .post('/visitor/sessions', limited, async (c) => {
      const request = await jsonBody(c, VisitorSessionRequest);
      return c.json(await sessions.createVisitorSession(request, c.req.header('origin')), 201);
    })
    .post('/agent/sessions', limited, async (c) => {
      const { email, password } = await jsonBody(c, AgentLoginRequest);
      return c.json(await sessions.loginAgent(email, password), 201);
    });
}
