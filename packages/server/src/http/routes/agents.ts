import { Hono } from 'hono';
import { publicAgent } from '../../db/mappers.js';
import type { Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireViewer } from '../middleware.js';

/** `GET /v1/agent/me`: who a stored agent token belongs to, so a reloaded console can greet them. */
export function agentRoutes(sessions: SessionService, store: Store) {
  return new Hono<HttpEnv>().use(requireViewer(sessions)).get('/me', async (c) => {
    const viewer = c.var.viewer;
    if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents have an agent profile');
    const agent = await store.agents.byId(viewer.agentId);
    if (!agent) throw new AppError('unauthorized', 'Agent no longer exists');
    return c.json(publicAgent(agent));
  });
}
