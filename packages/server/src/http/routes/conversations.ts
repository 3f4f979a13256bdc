import { Hono } from 'hono';
import { ConversationListQuery, MessageHistoryQuery } from '@switchboard/protocol/schemas';
import type { Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { ConversationService } from '../../services/conversations.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireViewer } from '../middleware.js';
import { query } from '../validate.js';

/** Conversations and their history, for visitors (their own) and agents. */
export function conversationRoutes(
  sessions: SessionService,
  conversations: ConversationService,
  store: Store,
) {
  return new Hono<HttpEnv>()
    .use(requireViewer(sessions))
    .get('/', async (c) => c.json(await conversations.list(c.var.viewer, query(c, ConversationListQuery))))
    .get('/:id', async (c) => c.json(await conversations.get(c.var.viewer, c.req.param('id'))))
    .get('/:id/timeline', async (c) => {
      if (c.var.viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents see the timeline');
      const conversation = await conversations.get(c.var.viewer, c.req.param('id'));
      return c.json(await store.timeline.list(conversation.id));
    })
    .get('/:id/messages', async (c) =>
      c.json(await conversations.history(c.var.viewer, c.req.param('id'), query(c, MessageHistoryQuery))),
    );
}
