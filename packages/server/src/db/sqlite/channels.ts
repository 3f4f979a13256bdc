import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { ulid } from '@switchboard/protocol';
import { toMessage } from '../mappers.js';
import {
  channelAccounts,
  channelContacts,
  channelInbox,
  channelOutbox,
  conversations,
  messages,
} from '../schema.js';
import type { ChannelAccountRecord, Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

/** How far each state is along; a status callback never moves a message back. */
const RANK = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 4 } as const;

export function sqliteChannels(db: SqliteDb, immediate: Immediate, now: () => number): Store['channels'] {
  const toAccount = (row: typeof channelAccounts.$inferSelect): ChannelAccountRecord => ({ ...row });

  function setDelivery(
    messageId: string,
    delivery: { state: keyof typeof RANK; error: string | null },
    at: number,
  ) {
    const row = db
      .update(messages)
      .set({ delivery: { ...delivery, updatedAt: at } })
      .where(eq(messages.id, messageId))
      .returning()
      .get();
    return row ? toMessage(row) : null;
  }

  return {
    async createAccount(account) {
      const row = db
        .insert(channelAccounts)
        .values({ ...account, id: ulid(), createdAt: now() })
        .returning()
        .get();
      return toAccount(row);
    },

    async account(id) {
      const row = db.select().from(channelAccounts).where(eq(channelAccounts.id, id)).get();
      return row ? toAccount(row) : null;
    },

    async accounts(siteId) {
      return db
        .select()
        .from(channelAccounts)
        .where(siteId === undefined ? undefined : eq(channelAccounts.siteId, siteId))
        .orderBy(asc(channelAccounts.createdAt), asc(channelAccounts.id))
        .all()
        .map(toAccount);
    },

    async receive(accountId, events) {
      if (events.length === 0) return 0;
      return immediate(() => {
        const time = now();
        let fresh = 0;
        for (const { externalId, event } of events) {
          const result = db
            .insert(channelInbox)
            .values({ accountId, externalId, event, state: 'pending', nextAttemptAt: time, receivedAt: time })
            .onConflictDoNothing()
            .run();
          fresh += result.changes;
        }
        return fresh;
      });
    },

    async dueInbound(at, limit) {
      return db
        .select()
        .from(channelInbox)
        .where(and(eq(channelInbox.state, 'pending'), lte(channelInbox.nextAttemptAt, at)))
        .orderBy(asc(channelInbox.id))
        .limit(limit)
        .all();
    },

    async settleInbound(id, outcome) {
      db.update(channelInbox)
        .set(
          outcome.state === 'done'
            ? { state: 'done', lastError: null }
            : {
                state: outcome.state,
                lastError: outcome.error,
                attempts: sql`${channelInbox.attempts} + 1`,
                ...(outcome.retryAt !== undefined && { nextAttemptAt: outcome.retryAt }),
              },
        )
        .where(eq(channelInbox.id, id))
        .run();
    },

    async contactAt(accountId, address) {
      const row = db
        .select({ contactId: channelContacts.contactId, lastInboundAt: channelContacts.lastInboundAt })
        .from(channelContacts)
        .where(and(eq(channelContacts.accountId, accountId), eq(channelContacts.address, address)))
        .get();
      return row ?? null;
    },

    async linkContact(accountId, address, contactId) {
      return immediate(() => {
        db.insert(channelContacts).values({ accountId, address, contactId }).onConflictDoNothing().run();
        const row = db
          .select({ contactId: channelContacts.contactId })
          .from(channelContacts)
          .where(and(eq(channelContacts.accountId, accountId), eq(channelContacts.address, address)))
          .get();
        return row?.contactId ?? contactId;
      });
    },

    async touchInbound(accountId, address, at) {
      // Providers deliver out of order (and redeliver): an older message never shortens the window.
      db.update(channelContacts)
        .set({ lastInboundAt: sql`max(coalesce(${channelContacts.lastInboundAt}, 0), ${at})` })
        .where(and(eq(channelContacts.accountId, accountId), eq(channelContacts.address, address)))
        .run();
    },

    async addressOf(accountId, contactId) {
      const row = db
        .select({ address: channelContacts.address, lastInboundAt: channelContacts.lastInboundAt })
        .from(channelContacts)
        .where(and(eq(channelContacts.accountId, accountId), eq(channelContacts.contactId, contactId)))
        .get();
      return row ?? null;
    },

    async messageByExternalId(accountId, externalIds) {
      if (externalIds.length === 0) return null;
      const row = db
        .select({ message: messages })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(
          and(inArray(messages.externalId, [...externalIds]), eq(conversations.channelAccountId, accountId)),
        )
        .orderBy(asc(messages.createdAt))
        .get();
      return row ? toMessage(row.message) : null;
    },

    async message(id) {
      const row = db.select().from(messages).where(eq(messages.id, id)).get();
      return row ? toMessage(row) : null;
    },

    async externalIds(conversationId) {
      return db
        .select({ externalId: messages.externalId })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), isNotNull(messages.externalId)))
        .orderBy(asc(messages.seq))
        .all()
        .map((row) => row.externalId ?? '');
    },

    async dueOutbound(at, limit) {
      // Per conversation, only the oldest unsent entry may go: a later reply never overtakes one
      // that is waiting to be retried.
      const head = db
        .select({ id: sql<number>`min(${channelOutbox.id})`.as('head_id') })
        .from(channelOutbox)
        .where(eq(channelOutbox.state, 'pending'))
        .groupBy(channelOutbox.conversationId)
        .as('heads');
      return db
        .select({
          id: channelOutbox.id,
          messageId: channelOutbox.messageId,
          conversationId: channelOutbox.conversationId,
          accountId: channelOutbox.accountId,
          extra: channelOutbox.extra,
          attempts: channelOutbox.attempts,
        })
        .from(channelOutbox)
        .innerJoin(head, eq(head.id, channelOutbox.id))
        .where(lte(channelOutbox.nextAttemptAt, at))
        .orderBy(asc(channelOutbox.id))
        .limit(limit)
        .all();
    },

    async settleOutbound(item, outcome, at) {
      return immediate(() => {
        db.update(channelOutbox)
          .set({
            state: outcome.state,
            attempts: sql`${channelOutbox.attempts} + 1`,
            lastError: outcome.state === 'sent' ? null : outcome.error,
            ...(outcome.state === 'pending' && { nextAttemptAt: outcome.nextAttemptAt }),
          })
          .where(eq(channelOutbox.id, item.id))
          .run();
        if (outcome.state === 'pending') return null;
        if (outcome.state === 'sent') {
          db.update(messages)
            .set({ externalId: outcome.externalId })
            .where(eq(messages.id, item.messageId))
            .run();
          return setDelivery(item.messageId, { state: 'sent', error: null }, at);
        }
        return setDelivery(item.messageId, { state: 'failed', error: outcome.error }, at);
      });
    },

    async advanceDelivery(messageId, state, error, at) {
      return immediate(() => {
        const row = db
          .select({ delivery: messages.delivery })
          .from(messages)
          .where(eq(messages.id, messageId))
          .get();
        const current = row?.delivery?.state;
        if (!row || current === undefined) return null;
        const forward =
          state === 'failed'
            ? current === 'pending' || current === 'sent'
            : current !== 'failed' && RANK[state] > RANK[current];
        return forward
          ? setDelivery(messageId, { state, error: state === 'failed' ? error : null }, at)
          : null;
      });
    },
  };
}
