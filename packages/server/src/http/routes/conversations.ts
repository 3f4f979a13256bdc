import { Hono } from 'hono';
import { ConversationListQuery, MessageHistoryQuery } from '@switchboard/protocol/schemas';
import type { ConversationService } from '../../services/conversations.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireViewer } from '../middleware.js';
import { query } from '../validate.js';

/** Conversations and their history, for visitors (their own) and agents. */
export function conversationRoutes(sessions: SessionService, conversations: ConversationService) {
  return new Hono<HttpEnv>()
    .use(requireViewer(sessions))
    .get('/', async (c) => c.json(await conversations.list(c.var.viewer, query(c, ConversationListQuery))))
    .get('/:id', async (c) => c.json(await conversations.get(c.var.viewer, c.req.param('id'))))
    .get('/:id/messages', async (c) =>
      c.json(await conversations.history(c.var.viewer, c.req.param('id'), query(c, MessageHistoryQuery))),
    );
}
