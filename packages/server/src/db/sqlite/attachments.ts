import { and, eq, isNull } from 'drizzle-orm';
import { toAttachmentRecord } from '../mappers.js';
import { attachments } from '../schema.js';
import type { Store } from '../store.js';
import type { SqliteDb } from './open.js';

export function sqliteAttachments(db: SqliteDb, now: () => number): Store['attachments'] {
  return {
    async create(attachment) {
      const row = db
        .insert(attachments)
        .values({ ...attachment, messageId: null, conversationId: null, createdAt: now() })
        .returning()
        .get();
      return toAttachmentRecord(row);
    },

    async byId(id) {
      const row = db.select().from(attachments).where(eq(attachments.id, id)).get();
      return row ? toAttachmentRecord(row) : null;
    },

    async deletePending(id) {
      // Conditional, so a message linking it at the same moment keeps it.
      const deleted = db
        .delete(attachments)
        .where(and(eq(attachments.id, id), isNull(attachments.messageId)))
        .returning({ id: attachments.id })
        .all();
      return deleted.length > 0;
    },
  };
}
