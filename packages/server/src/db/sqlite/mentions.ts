import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../lib/app-error.js';
import { toMention } from '../mappers.js';
import { mentions, messages } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

// Pages are keyed by (createdAt, id), newest first, like the conversation list.
const encodeCursor = (createdAt: number, id: string) =>
  Buffer.from(`${createdAt}:${id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const at = Number(createdAt);
  if (!id || !Number.isSafeInteger(at)) throw new AppError('invalid_payload', 'Invalid cursor');
  return { createdAt: at, id };
}

export function sqliteMentions(db: SqliteDb): Store['mentions'] {
  return {
    async list(agentId, { unread, limit, cursor }) {
      const conditions: (SQL | undefined)[] = [eq(mentions.agentId, agentId)];
      if (unread) conditions.push(isNull(mentions.readAt));
      if (cursor) {
        const after = decodeCursor(cursor);
        conditions.push(
          or(
            lt(mentions.createdAt, after.createdAt),
            and(eq(mentions.createdAt, after.createdAt), lt(mentions.id, after.id)),
          ),
        );
      }
      const rows = db
        .select({ mention: mentions, text: messages.text })
        .from(mentions)
        .innerJoin(messages, eq(messages.id, mentions.messageId))
        .where(and(...conditions))
        .orderBy(desc(mentions.createdAt), desc(mentions.id))
        .limit(limit + 1)
        .all();
      const page = rows.slice(0, limit);
      const last = page.at(-1)?.mention;
      return {
        items: page.map(({ mention, text }) => toMention(mention, text)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
      };
    },

    async markRead(agentId, target, at) {
      // Only the agent's own unread ones: someone else's id, or one already read, changes nothing.
      const scope =
        'conversationId' in target
          ? eq(mentions.conversationId, target.conversationId)
          : inArray(mentions.id, [...target.mentionIds]);
      return db
        .update(mentions)
        .set({ readAt: at })
        .where(and(eq(mentions.agentId, agentId), isNull(mentions.readAt), scope))
        .returning({ id: mentions.id })
        .all()
        .map((row) => row.id);
    },
  };
}
