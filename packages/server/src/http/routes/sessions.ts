import { Hono } from 'hono';
import { AgentLoginRequest, VisitorSessionRequest } from '@switchboard/protocol/schemas';
import type { RateLimiter } from '../../lib/rate-limit.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { rateLimit } from '../middleware.js';
import { jsonBody } from '../validate.js';

/** `POST /v1/visitor/sessions` and `POST /v1/agent/sessions`. */
export function sessionRoutes(sessions: SessionService, limiter: RateLimiter) {
  return new Hono<HttpEnv>()
    .use(rateLimit(limiter))
    .post('/visitor/sessions', async (c) => {
      const request = await jsonBody(c, VisitorSessionRequest);
      return c.json(await sessions.createVisitorSession(request, c.req.header('origin')), 201);
    })
    .post('/agent/sessions', async (c) => {
      const { email, password } = await jsonBody(c, AgentLoginRequest);
      return c.json(await sessions.loginAgent(email, password), 201);
    });
}
