import { Hono } from 'hono';
import { ContactConversationsQuery, UpdateContactRequest } from '@switchboard/protocol/schemas';
import type { ContactService } from '../../services/contacts.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';
import { jsonBody, query } from '../validate.js';

/**
 * `GET /v1/contacts/:id`, `PATCH /v1/contacts/:id` (an edit: all of it or nothing, then
 * `contact:updated`), `GET /v1/contacts/:id/conversations` (their conversations, most recently
 * updated first, cursor-paginated). Agents only.
 */
export function contactRoutes(sessions: SessionService, contacts: ContactService) {
  return new Hono<HttpEnv>()
    .use(requireAgent(sessions))
    .get('/:id', async (c) => c.json(await contacts.get(c.var.viewer, c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await contacts.update(c.var.viewer, c.req.param('id'), await jsonBody(c, UpdateContactRequest))),
    )
    .get('/:id/conversations', async (c) =>
      c.json(
        await contacts.conversations(c.var.viewer, c.req.param('id'), query(c, ContactConversationsQuery)),
      ),
    );
}
