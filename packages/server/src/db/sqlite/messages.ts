import { and, asc, desc, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toAttachmentRecord, toConversation, toMention, toMessage, toStoredAttachment } from '../mappers.js';
import {
  attachments,
  channelOutbox,
  conversations,
  mentions,
  messages,
  type AttachmentRow,
  type ConversationRow,
} from '../schema.js';
import type { NewMessage, Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

/** The provider account an agent's or bot's message in a channel conversation leaves through, if any. */
function leavesThroughChannel(input: NewMessage, conversation: ConversationRow): string | null {
  if (!conversation.channelAccountId) return null;
  if (input.authorKind !== 'agent' && input.authorKind !== 'bot') return null;
  return input.kind === 'text' || input.kind === 'attachment' ? conversation.channelAccountId : null;
}

export function sqliteMessages(db: SqliteDb, immediate: Immediate, now: () => number): Store['messages'] {
  // The send path runs these on every message: prepared once, they skip drizzle's query building.
  const findByClientId = db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder('conversationId')),
        eq(messages.clientMessageId, sql.placeholder('clientMessageId')),
      ),
    )
    .prepare();
  const findConversation = db
    .select()
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();
  const bumpSeq = db
    .update(conversations)
    .set({
      lastSeq: sql`${conversations.lastSeq} + 1`,
      lastMessageAt: sql`${sql.placeholder('time')}`,
      updatedAt: sql`${sql.placeholder('time')}`,
    })
    .where(eq(conversations.id, sql.placeholder('id')))
    .returning()
    .prepare();
  const insert = db
    .insert(messages)
    .values({
      id: sql.placeholder('id'),
      conversationId: sql.placeholder('conversationId'),
      clientMessageId: sql.placeholder('clientMessageId'),
      seq: sql.placeholder('seq'),
      authorKind: sql.placeholder('authorKind'),
      authorId: sql.placeholder('authorId'),
      kind: sql.placeholder('kind'),
      text: sql.placeholder('text'),
      quickReplies: sql.placeholder('quickReplies'),
      form: sql.placeholder('form'),
      cards: sql.placeholder('cards'),
      attachments: sql.placeholder('attachments'),
      externalId: sql.placeholder('externalId'),
      delivery: sql.placeholder('delivery'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning()
    .prepare();
  const enqueueOutbound = db
    .insert(channelOutbox)
    .values({
      messageId: sql.placeholder('messageId'),
      conversationId: sql.placeholder('conversationId'),
      accountId: sql.placeholder('accountId'),
      extra: sql.placeholder('extra'),
      state: 'pending',
      nextAttemptAt: sql.placeholder('time'),
      createdAt: sql.placeholder('time'),
    })
    .prepare();
  const findAttachment = db
    .select()
    .from(attachments)
    .where(eq(attachments.id, sql.placeholder('id')))
    .prepare();
  const linkAttachment = db
    .update(attachments)
    .set({
      messageId: sql`${sql.placeholder('messageId')}`,
      conversationId: sql`${sql.placeholder('conversationId')}`,
    })
    .where(eq(attachments.id, sql.placeholder('id')))
    .prepare();

  const insertMention = db
    .insert(mentions)
    .values({
      id: sql.placeholder('id'),
      messageId: sql.placeholder('messageId'),
      conversationId: sql.placeholder('conversationId'),
      agentId: sql.placeholder('agentId'),
      authorId: sql.placeholder('authorId'),
      createdAt: sql.placeholder('createdAt'),
      readAt: null,
    })
    .returning()
    .prepare();

  /** The uploads to link, checked under the write lock: the author's own, for this site, unsent. */
  function pendingUploads(input: NewMessage, siteId: string): AttachmentRow[] {
    return (input.attachmentIds ?? []).map((id) => {
      const row = findAttachment.get({ id });
      const own =
        row !== undefined &&
        row.uploaderKind === input.authorKind &&
        row.uploaderId === input.authorId &&
        (row.siteId === null || row.siteId === siteId);
      // Someone else's upload is reported exactly like a missing one.
      if (!row || !own) throw AppError.notFound(`Attachment ${id}`);
      if (row.messageId !== null)
        throw new AppError('conflict', `Attachment ${id} was already sent with another message`);
      return row;
    });
  }

  return {
    async append(input) {
      return immediate(() => {
        const existing = findByClientId.get({
          conversationId: input.conversationId,
          clientMessageId: input.clientMessageId,
        });
        if (existing) {
          // A retry from the same author gets the original back; anyone else reusing the id
          // must not learn what the original said.
          if (existing.authorKind !== input.authorKind || existing.authorId !== input.authorId) {
            throw new AppError('conflict', 'clientMessageId already used by another author');
          }
          const conversation = findConversation.get({ id: input.conversationId });
          if (!conversation) throw AppError.notFound('Conversation');
          return {
            message: toMessage(existing),
            conversation: toConversation(conversation),
            mentions: [],
            duplicate: true,
          };
        }
        // Read only when something depends on it: this is the hot path of every message.
        const checks = input.requireStatus !== undefined || (input.attachmentIds?.length ?? 0) > 0;
        const current = checks ? findConversation.get({ id: input.conversationId }) : undefined;
        if (checks && !current) throw AppError.notFound('Conversation');
        if (input.requireStatus && current) {
          if (!input.requireStatus.includes(current.status)) {
            throw input.authorKind === 'bot'
              ? new AppError('bot_muted', 'A person has taken over this conversation; the bot is muted')
              : new AppError('conversation_closed', `The conversation is ${current.status}`);
          }
        }
        const uploads = current ? pendingUploads(input, current.siteId) : [];
        const time = now();
        const conversation = bumpSeq.get({ id: input.conversationId, time });
        if (!conversation) throw AppError.notFound('Conversation');
        const outbound = leavesThroughChannel(input, conversation);
        const row = insert.get({
          id: ulid(),
          conversationId: input.conversationId,
          clientMessageId: input.clientMessageId,
          authorKind: input.authorKind,
          authorId: input.authorId,
          kind: input.kind,
          text: input.text,
          // JSON columns: drizzle serialises placeholder values itself.
          quickReplies: input.quickReplies ?? [],
          form: input.form ?? null,
          cards: input.cards ?? [],
          attachments: uploads.map((upload) => toStoredAttachment(toAttachmentRecord(upload))),
          externalId: input.externalId ?? null,
          delivery: outbound ? { state: 'pending', error: null, updatedAt: time } : null,
          seq: conversation.lastSeq,
          createdAt: time,
        });
        if (!row) throw new Error('insert returned no row');
        // In the message's own transaction: a reply committed is a reply that will be sent.
        if (outbound) {
          enqueueOutbound.run({
            messageId: row.id,
            conversationId: input.conversationId,
            accountId: outbound,
            extra: input.channelExtra ?? null,
            time,
          });
        }
        for (const upload of uploads)
          linkAttachment.run({ id: upload.id, messageId: row.id, conversationId: input.conversationId });
        const mentioned = [...new Set(input.mentions ?? [])].filter((agentId) => agentId !== input.authorId);
        const written = mentioned.map((agentId) => {
          const mention = insertMention.get({
            id: ulid(),
            messageId: row.id,
            conversationId: input.conversationId,
            agentId,
            authorId: input.authorId ?? '',
            createdAt: time,
          });
          if (!mention) throw new Error('insert returned no row');
          return toMention(mention, row.text);
        });
        return {
          message: toMessage(row),
          conversation: toConversation(conversation),
          mentions: written,
          duplicate: false,
        };
      });
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
