import { Hono } from 'hono';
import type { Conversation } from '@switchboard/protocol';
import {
  BotCollectPayload,
  BotHandoffPayload,
  BotMessagePayload,
  ConversationListQuery,
  MessageHistoryQuery,
} from '@switchboard/protocol/schemas';
import { publicContact } from '../../db/mappers.js';
import type { Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { BotRunner } from '../../services/bot-runner.js';
import { activityAgentIds, visitorActivity } from '../../services/activity.js';
import type { AgentService } from '../../services/agents.js';
import type { ContextService } from '../../services/context/index.js';
import type { ConversationService } from '../../services/conversations.js';
import type { SessionService } from '../../services/sessions.js';
import type { Viewer } from '../../services/viewer.js';
import { forVisitor } from '../../services/visitor-view.js';
import type { HttpEnv } from '../context.js';
import { requireViewer } from '../middleware.js';
import { jsonBody, query } from '../validate.js';

/**
 * Conversations and their history, for visitors (their own), agents and bots (their site's);
 * the contact's context (orders, products) for agents.
 * Bots (bot token) also answer here: `POST /:id/messages`, `POST /:id/handoff`, `PATCH /:id/contact`.
 */
export function conversationRoutes(
  sessions: SessionService,
  conversations: ConversationService,
  store: Store,
  bots: BotRunner,
  agents: AgentService,
  context: ContextService,
) {
  const path = (id: string) => ({ conversationId: id });
  // Visitors get their conversations without agents' tags and labels.
  const shown = (viewer: Viewer, conversation: Conversation) =>
    viewer.kind === 'visitor' ? forVisitor(conversation) : conversation;
  return (
    new Hono<HttpEnv>()
      .use(requireViewer(sessions))
      .get('/', async (c) => {
        const page = await conversations.list(c.var.viewer, query(c, ConversationListQuery));
        return c.json({ ...page, items: page.items.map((item) => shown(c.var.viewer, item)) });
      })
      .get('/:id', async (c) =>
        c.json(shown(c.var.viewer, await conversations.get(c.var.viewer, c.req.param('id')))),
      )
      .get('/:id/timeline', async (c) => {
        if (c.var.viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents see the timeline');
        const conversation = await conversations.get(c.var.viewer, c.req.param('id'));
        return c.json(await store.timeline.list(conversation.id));
      })
      // Visitors' system lines ("Ada joined", "The conversation ended"); agents read the timeline.
      .get('/:id/activity', async (c) => {
        const conversation = await conversations.get(c.var.viewer, c.req.param('id'));
        const timeline = await store.timeline.list(conversation.id);
        return c.json(visitorActivity(timeline, await agents.profiles(activityAgentIds(timeline))));
      })
      .get('/:id/messages', async (c) =>
        c.json(await conversations.history(c.var.viewer, c.req.param('id'), query(c, MessageHistoryQuery))),
      )
      .get('/:id/contact', async (c) => {
        if (c.var.viewer.kind === 'visitor')
          throw new AppError('forbidden', 'Only agents and bots see contacts');
        const conversation = await conversations.get(c.var.viewer, c.req.param('id'));
        const contact = await store.contacts.byId(conversation.contactId);
        if (!contact) throw new AppError('not_found', 'Contact not found');
        return c.json(publicContact(contact));
      })
      // The contact's orders and products from the shop (agents only).
      .get('/:id/context', async (c) =>
        c.json(await context.forConversation(c.var.viewer, c.req.param('id'))),
      )
      .post('/:id/messages', async (c) => {
        const payload = await jsonBody(c, BotMessagePayload, path(c.req.param('id')));
        return c.json(await bots.reply(c.var.viewer, payload), 201);
      })
      .post('/:id/handoff', async (c) => {
        const payload = await jsonBody(c, BotHandoffPayload, path(c.req.param('id')));
        return c.json(await bots.handoff(c.var.viewer, payload));
      })
      .patch('/:id/contact', async (c) => {
        const payload = await jsonBody(c, BotCollectPayload, path(c.req.param('id')));
        return c.json(await bots.collect(c.var.viewer, payload));
      })
  );
}
