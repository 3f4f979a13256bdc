import { Hono } from 'hono';
import { publicAgent } from '../../db/mappers.js';
import type { Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { AgentService } from '../../services/agents.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';

/**
 * `GET /v1/agent/me`: who a stored agent token belongs to, so a reloaded console can greet them.
 * `GET /v1/agents`: everyone's status and current load, for presence lists and transfer pickers.
 */
export function agentRoutes(sessions: SessionService, store: Store, agents: AgentService) {
  // Per route, not `.use()`: mounted at /v1, `.use()` would guard every /v1 request.
  const agentsOnly = requireAgent(sessions);
  return new Hono<HttpEnv>()
    .get('/agent/me', agentsOnly, async (c) => {
      const viewer = c.var.viewer;
      const agent = viewer.kind === 'agent' ? await store.agents.byId(viewer.agentId) : null;
      if (!agent) throw new AppError('unauthorized', 'Agent no longer exists');
      return c.json(publicAgent(agent));
    })
    .get('/agents', agentsOnly, async (c) => c.json(await agents.presence()));
}
