import { Hono } from 'hono';
import { UpdateAgentRequest, UpdateProfileRequest } from '@switchboard/protocol/schemas';
import { publicAgent } from '../../db/mappers.js';
import type { Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { AgentService } from '../../services/agents.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAdmin, requireAgent } from '../middleware.js';
import { jsonBody } from '../validate.js';

/**
 * `GET /v1/agent/me`: who a stored agent token belongs to, so a reloaded console can greet them.
 * `PATCH /v1/agent/me`: the agent's own name and picture, as visitors see them.
 * `GET /v1/agents`: everyone's status and current load, for presence lists and transfer pickers.
 * `PATCH /v1/agents/:id` (admins): skills and capacity.
 */
export function agentRoutes(sessions: SessionService, store: Store, agents: AgentService) {
  // Per route, not `.use()`: mounted at /v1, `.use()` would guard every /v1 request.
  const agentsOnly = requireAgent(sessions);
  const admins = requireAdmin(sessions, store);
  return new Hono<HttpEnv>()
    .get('/agent/me', agentsOnly, async (c) => {
      const viewer = c.var.viewer;
      const agent = viewer.kind === 'agent' ? await store.agents.byId(viewer.agentId) : null;
      if (!agent) throw new AppError('unauthorized', 'Agent no longer exists');
      return c.json(publicAgent(agent));
    })
    .patch('/agent/me', agentsOnly, async (c) => {
      const viewer = c.var.viewer;
      if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents have a profile');
      const changes = await jsonBody(c, UpdateProfileRequest);
      return c.json(await agents.updateProfile(viewer.agentId, changes));
    })
    .get('/agents', agentsOnly, async (c) => c.json(await agents.presence()))
    .patch('/agents/:id', admins, async (c) => {
      const changes = await jsonBody(c, UpdateAgentRequest);
      return c.json(await agents.updateRouting(c.req.param('id'), changes));
    });
}
