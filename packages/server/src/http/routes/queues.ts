import { Hono } from 'hono';
import { CreateQueueRequest, UpdateQueueRequest } from '@switchboard/protocol/schemas';
import type { QueueRecord, Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { RoutingService } from '../../services/routing.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAdmin, requireAgent } from '../middleware.js';
import { jsonBody } from '../validate.js';

const publicQueue = ({ isDefault: _isDefault, lastAgentId: _lastAgentId, ...queue }: QueueRecord) => queue;

/**
 * `GET /v1/queues` (agents): every queue with its members and how many wait in it.
 * `POST /v1/queues` and `PATCH /v1/queues/:id` (admins): create, rename, change the strategy or
 * the members. Membership changes drain the queue, since new members may have room.
 */
export function queueRoutes(sessions: SessionService, store: Store, routing: RoutingService) {
  const admins = requireAdmin(sessions, store);

  async function assertAgentsExist(ids: readonly string[]) {
    for (const id of ids)
      if (!(await store.agents.byId(id))) throw new AppError('not_found', `Agent ${id} not found`);
  }

  return new Hono<HttpEnv>()
    .get('/', requireAgent(sessions), async (c) => c.json((await store.queues.list()).map(publicQueue)))
    .post('/', admins, async (c) => {
      const { siteId, name, strategy, memberIds } = await jsonBody(c, CreateQueueRequest);
      if (!(await store.sites.byId(siteId))) throw new AppError('not_found', 'Site not found');
      await assertAgentsExist(memberIds);
      const created = await store.queues.create({ siteId, name, strategy, isDefault: false });
      await store.queues.setMembers(created.id, memberIds);
      const queue = await store.queues.byId(created.id);
      return c.json(queue && publicQueue(queue), 201);
    })
    .patch('/:id', admins, async (c) => {
      const id = c.req.param('id');
      const { memberIds, ...changes } = await jsonBody(c, UpdateQueueRequest);
      if (!(await store.queues.byId(id))) throw new AppError('not_found', 'Queue not found');
      if (memberIds) {
        await assertAgentsExist(memberIds);
        await store.queues.setMembers(id, memberIds);
      }
      if (Object.keys(changes).length > 0) await store.queues.update(id, changes);
      await routing.drain(id);
      const queue = await store.queues.byId(id);
      return c.json(queue && publicQueue(queue));
    });
}
