import { Hono } from 'hono';
import {
  CannedResponseListQuery,
  CreateCannedResponseRequest,
  UpdateCannedResponseRequest,
} from '@switchboard/protocol/schemas';
import type { CannedService } from '../../services/canned.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';
import { jsonBody, query } from '../validate.js';

/**
 * Canned responses, for every agent: `GET /v1/canned-responses` (`?siteId=`, `?q=` searched in
 * shortcut, title and body, `?category=`), `POST` one, `PATCH /:id` and `DELETE /:id` (204).
 * Every change is announced to agents as `canned:changed`.
 */
export function cannedRoutes(sessions: SessionService, canned: CannedService) {
  const agentsOnly = requireAgent(sessions);
  return new Hono<HttpEnv>()
    .get('/', agentsOnly, async (c) => c.json(await canned.list(query(c, CannedResponseListQuery))))
    .post('/', agentsOnly, async (c) =>
      c.json(await canned.create(await jsonBody(c, CreateCannedResponseRequest)), 201),
    )
    .patch('/:id', agentsOnly, async (c) =>
      c.json(await canned.update(c.req.param('id'), await jsonBody(c, UpdateCannedResponseRequest))),
    )
    .delete('/:id', agentsOnly, async (c) => {
      await canned.remove(c.req.param('id'));
      return c.body(null, 204);
    });
}
