import { and, asc, desc, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toConversation, toMessage } from '../mappers.js';
import { conversations, messages } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteMessages(db: SqliteDb, now: () => number): Store['messages'] {
  return {
    async append(input) {
      return db.transaction(
        (tx) => {
          const existing = tx
            .select()
            .from(messages)
            .where(
              and(
                eq(messages.conversationId, input.conversationId),
                eq(messages.clientMessageId, input.clientMessageId),
              ),
            )
            .get();
          if (existing) {
            // A retry from the same author gets the original back; anyone else reusing the id
            // must not learn what the original said.
            if (existing.authorKind !== input.authorKind || existing.authorId !== input.authorId) {
              throw new AppError('conflict', 'clientMessageId already used by another author');
            }
            const conversation = tx
              .select()
              .from(conversations)
              .where(eq(conversations.id, input.conversationId))
              .get();
            if (!conversation) throw AppError.notFound('Conversation');
            return { message: toMessage(existing), conversation: toConversation(conversation), duplicate: true };
          }
          const time = now();
          const conversation = tx
            .update(conversations)
            .set({ lastSeq: sql`${conversations.lastSeq} + 1`, lastMessageAt: time, updatedAt: time })
            .where(eq(conversations.id, input.conversationId))
            .returning()
            .get();
          if (!conversation) throw AppError.notFound('Conversation');
          const row = tx
            .insert(messages)
            .values({ id: ulid(), ...input, seq: conversation.lastSeq, createdAt: time })
            .returning()
            .get();
          return { message: toMessage(row), conversation: toConversation(conversation), duplicate: false };
        },
        { behavior: 'immediate' },
      );
    },

    async history(conversationId, { afterSeq, beforeSeq, limit, includeNotes }) {
      const conditions: (SQL | undefined)[] = [eq(messages.conversationId, conversationId)];
      if (!includeNotes) conditions.push(ne(messages.kind, 'note'));
      if (afterSeq !== undefined) conditions.push(gt(messages.seq, afterSeq));
      if (beforeSeq !== undefined) conditions.push(lt(messages.seq, beforeSeq));
      const forward = afterSeq !== undefined;
      const rows = db
        .select()
        .from(messages)
        .where(and(...conditions))
        .orderBy(forward ? asc(messages.seq) : desc(messages.seq))
        .limit(limit + 1)
        .all();
      const page = rows.slice(0, limit);
      if (!forward) page.reverse();
      return { items: page.map(toMessage), hasMore: rows.length > limit };
    },
  };
}
