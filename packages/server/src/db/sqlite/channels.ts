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
  const p = (name: string) => sql.placeholder(name);
  // Every webhook and every send runs these: prepared once, they skip drizzle's query building
  // and SQLite's statement compilation (which dominated a profile of bench/channels.ts).
  const accountById = db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.id, p('id')))
    .prepare();
  const insertInbox = db
    .insert(channelInbox)
    .values({
      accountId: p('accountId'),
      externalId: p('externalId'),
      event: p('event'),
      state: 'pending',
      nextAttemptAt: p('time'),
      receivedAt: p('time'),
    })
    .onConflictDoNothing()
    .prepare();
  const dueInbox = db
    .select()
    .from(channelInbox)
    .where(and(eq(channelInbox.state, 'pending'), lte(channelInbox.nextAttemptAt, p('at'))))
    .orderBy(asc(channelInbox.id))
    .limit(p('limit'))
    .prepare();
  const markInboxDone = db
    .update(channelInbox)
    .set({ state: 'done', lastError: null })
    .where(eq(channelInbox.id, p('id')))
    .prepare();
  const contactByAddress = db
    .select({ contactId: channelContacts.contactId, lastInboundAt: channelContacts.lastInboundAt })
    .from(channelContacts)
    .where(and(eq(channelContacts.accountId, p('accountId')), eq(channelContacts.address, p('address'))))
    .prepare();
  const touch = db
    .update(channelContacts)
    // Providers deliver out of order (and redeliver): an older message never shortens the window.
    .set({ lastInboundAt: sql`max(coalesce(${channelContacts.lastInboundAt}, 0), ${p('at')})` })
    .where(and(eq(channelContacts.accountId, p('accountId')), eq(channelContacts.address, p('address'))))
    .prepare();
  const addressByContact = db
    .select({ address: channelContacts.address, lastInboundAt: channelContacts.lastInboundAt })
    .from(channelContacts)
    .where(and(eq(channelContacts.accountId, p('accountId')), eq(channelContacts.contactId, p('contactId'))))
    .prepare();
  const head = db
    .select({ id: sql<number>`min(${channelOutbox.id})`.as('head_id') })
    .from(channelOutbox)
    .where(eq(channelOutbox.state, 'pending'))
    .groupBy(channelOutbox.conversationId)
    .as('heads');
  // Per conversation, only the oldest unsent entry may go: a later reply never overtakes one
  // that is waiting to be retried.
  const dueOutbox = db
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
    .where(lte(channelOutbox.nextAttemptAt, p('at')))
    .orderBy(asc(channelOutbox.id))
    .limit(p('limit'))
    .prepare();
  const markOutboxSent = db
    .update(channelOutbox)
    .set({ state: 'sent', attempts: sql`${channelOutbox.attempts} + 1`, lastError: null })
    .where(eq(channelOutbox.id, p('id')))
    .prepare();
  const writeDelivery = db
    .update(messages)
    .set({
      delivery: sql`${p('delivery')}`,
      externalId: sql`coalesce(${p('externalId')}, ${messages.externalId})`,
    })
    .where(eq(messages.id, p('id')))
    .returning()
    .prepare();
  const messageById = db
    .select()
    .from(messages)
    .where(eq(messages.id, p('id')))
    .prepare();
  const externalIdsOf = db
    .select({ externalId: messages.externalId })
    .from(messages)
    .where(and(eq(messages.conversationId, p('conversationId')), isNotNull(messages.externalId)))
    .orderBy(asc(messages.seq))
    .prepare();

  /** Sets a message's delivery (and, when sent, the provider's id for it); the message as it now is. */
  function setDelivery(
    messageId: string,
    delivery: { state: keyof typeof RANK; error: string | null },
    at: number,
    externalId: string | null = null,
  ) {
    // Raw SQL parameter: the JSON column's text is written as is.
    const row = writeDelivery.get({
      id: messageId,
      delivery: JSON.stringify({ ...delivery, updatedAt: at }),
      externalId,
    });
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
      const row = accountById.get({ id });
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
          fresh += insertInbox.run({ accountId, externalId, event, time }).changes;
        }
        return fresh;
      });
    },

    async dueInbound(at, limit) {
      return dueInbox.all({ at, limit });
    },

    async settleInbound(id, outcome) {
      if (outcome.state === 'done') {
        markInboxDone.run({ id });
        return;
      }
      db.update(channelInbox)
        .set({
          state: outcome.state,
          lastError: outcome.error,
          attempts: sql`${channelInbox.attempts} + 1`,
          ...(outcome.retryAt !== undefined && { nextAttemptAt: outcome.retryAt }),
        })
        .where(eq(channelInbox.id, id))
        .run();
    },

    async contactAt(accountId, address) {
      return contactByAddress.get({ accountId, address }) ?? null;
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
      touch.run({ accountId, address, at });
    },

    async addressOf(accountId, contactId) {
      return addressByContact.get({ accountId, contactId }) ?? null;
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
      const row = messageById.get({ id });
      return row ? toMessage(row) : null;
    },

    async externalIds(conversationId) {
      return externalIdsOf.all({ conversationId }).map((row) => row.externalId ?? '');
    },

    async dueOutbound(at, limit) {
      return dueOutbox.all({ at, limit });
    },

    async settleOutbound(item, outcome, at) {
      return immediate(() => {
        if (outcome.state === 'sent') {
          markOutboxSent.run({ id: item.id });
          return setDelivery(item.messageId, { state: 'sent', error: null }, at, outcome.externalId);
        }
        db.update(channelOutbox)
          .set({
            state: outcome.state,
            attempts: sql`${channelOutbox.attempts} + 1`,
            lastError: outcome.error,
            ...(outcome.state === 'pending' && { nextAttemptAt: outcome.nextAttemptAt }),
          })
          .where(eq(channelOutbox.id, item.id))
          .run();
        if (outcome.state === 'pending') return null;
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
