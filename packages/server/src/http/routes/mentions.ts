import { Hono } from 'hono';
import { MentionListQuery } from '@switchboard/protocol/schemas';
import type { MentionService } from '../../services/mentions.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';
import { query } from '../validate.js';

/** `GET /v1/mentions`: the signed-in agent's own mentions, newest first (`?unread=true` for unread ones). */
export function mentionRoutes(sessions: SessionService, mentions: MentionService) {
  return new Hono<HttpEnv>().use(requireAgent(sessions)).get('/', async (c) => {
    const { unread, limit, cursor } = query(c, MentionListQuery);
    return c.json(await mentions.list(c.var.viewer, { unread: unread === 'true', limit, cursor }));
  });
}
