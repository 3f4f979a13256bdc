// The pre-chat form's one transaction. It spans the contact, the conversation, the message and
// the timeline, which the per-table stores each write in their own transaction, so it writes
// them here itself: a submission must never leave a filled-in contact without its conversation,
// or a conversation without its first message.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_STATUSES, ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toContact, toConversation, toMessage } from '../mappers.js';
import { contacts, conversationEvents, conversations, messages } from '../schema.js';
import type { PreChatWrite, PreChatWritten, Store } from '../store.js';
import { merged } from './contacts.js';
import type { Immediate, SqliteDb } from './open.js';

export function sqlitePreChat(db: SqliteDb, immediate: Immediate, now: () => number): Store['preChat'] {
  const event = (
    conversationId: string,
    type: 'created' | 'pre_chat_submitted',
    actorId: string,
    data: Record<string, string | number | boolean | null>,
    time: number,
    toStatus: (typeof conversations.$inferSelect)['status'] | null = null,
  ) =>
    db
      .insert(conversationEvents)
      .values({
        id: ulid(),
        conversationId,
        type,
        actorKind: 'visitor',
        actorId,
        fromStatus: null,
        toStatus,
        data,
        createdAt: time,
      })
      .run();

  /** The contact's open web conversation, as `conversations.openOrCreate` finds it. */
  const openConversation = (contactId: string) =>
    db
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.contactId, contactId),
          eq(conversations.channel, 'web'),
          inArray(conversations.status, [...OPEN_STATUSES]),
        ),
      )
      .orderBy(desc(conversations.updatedAt))
      .get();

  function write({ contactId, siteId, profile, record, start }: PreChatWrite): PreChatWritten {
    const current = db.select().from(contacts).where(eq(contacts.id, contactId)).get();
    if (!current) throw AppError.notFound('Contact');
    let open = start ? openConversation(contactId) : undefined;

    if (start && open) {
      const stored = db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, open.id), eq(messages.clientMessageId, start.clientMessageId)))
        .get();
      if (stored) {
        // A retry gets the original back; another author reusing the id learns nothing of it.
        if (stored.authorKind !== 'visitor' || stored.authorId !== contactId)
          throw new AppError('conflict', 'clientMessageId already used by another author');
        return {
          contact: toContact(current),
          conversation: toConversation(open),
          message: toMessage(stored),
          created: false,
          duplicate: true,
        };
      }
    }

    const time = now();
    const contact = db
      .update(contacts)
      .set({ ...merged(current, profile), preChat: record })
      .where(eq(contacts.id, contactId))
      .returning()
      .get();
    if (!contact) throw AppError.notFound('Contact');
    if (!start) {
      return {
        contact: toContact(contact),
        conversation: null,
        message: null,
        created: false,
        duplicate: false,
      };
    }

    const created = !open;
    if (!open) {
      open = db
        .insert(conversations)
        .values({
          id: ulid(),
          siteId,
          contactId,
          channel: 'web',
          status: start.status,
          queueId: start.queueId,
          queuedAt: start.status === 'queued' ? time : null,
          priority: 'normal',
          createdAt: time,
          updatedAt: time,
        })
        .returning()
        .get();
      event(open.id, 'created', contactId, { channel: 'web', queueId: start.queueId }, time, start.status);
    }
    // The message takes the conversation's next seq in this same transaction (delivery guarantee 2).
    const conversation = db
      .update(conversations)
      .set({ lastSeq: sql`${conversations.lastSeq} + 1`, lastMessageAt: time, updatedAt: time })
      .where(eq(conversations.id, open.id))
      .returning()
      .get();
    if (!conversation) throw AppError.notFound('Conversation');
    const message = db
      .insert(messages)
      .values({
        id: ulid(),
        conversationId: conversation.id,
        clientMessageId: start.clientMessageId,
        seq: conversation.lastSeq,
        authorKind: 'visitor',
        authorId: contactId,
        kind: 'text',
        text: start.text,
        createdAt: time,
      })
      .returning()
      .get();
    event(conversation.id, 'pre_chat_submitted', contactId, start.event, time);
    return {
      contact: toContact(contact),
      conversation: toConversation(conversation),
      message: toMessage(message),
      created,
      duplicate: false,
    };
  }

  return {
    async submit(input) {
      return immediate(() => write(input));
    },
  };
}
