import { Hono } from 'hono';
import type { Store } from '../../db/store.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';

/** `GET /v1/queues`: every queue with its members and how many wait in it. */
export function queueRoutes(sessions: SessionService, store: Store) {
  return new Hono<HttpEnv>()
    .use(requireAgent(sessions))
    .get('/', async (c) =>
      c.json(
        (await store.queues.list()).map(
          ({ isDefault: _isDefault, lastAgentId: _lastAgentId, ...queue }) => queue,
        ),
      ),
    );
}
