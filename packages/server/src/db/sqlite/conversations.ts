import { and, count, desc, eq, gte, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { normalizeTag, OPEN_STATUSES, ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toConversation } from '../mappers.js';
import { agents, contacts, conversationEvents, conversations, messages } from '../schema.js';
import type { ConversationFilter, Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

// Pages are keyed by (updatedAt, id) so concurrent updates never skip or repeat a row mid-scan.
const encodeCursor = (updatedAt: number, id: string) =>
  Buffer.from(`${updatedAt}:${id}`).toString('base64url');

function decodeCursor(cursor: string): { updatedAt: number; id: string } {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const at = Number(updatedAt);
  if (!id || !Number.isSafeInteger(at)) throw new AppError('invalid_payload', 'Invalid cursor');
  return { updatedAt: at, id };
}

/** `%text%` for LIKE, with the pattern characters in `text` matched literally (`ESCAPE '\\'`). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Phone numbers are stored as given: compared without spaces, dashes, dots, brackets or `+`. */
const phoneDigits = (column: SQL | typeof contacts.phone) =>
  sql`replace(replace(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '')`;

/** The WHERE conditions of a list: the same rules as `matchesConversationFilter`, plus `q`. */
function filterConditions(filter: ConversationFilter): SQL[] {
  const conditions: SQL[] = [];
  const open = inArray(conversations.status, [...OPEN_STATUSES]);
  if (filter.contactId) conditions.push(eq(conversations.contactId, filter.contactId));
  if (filter.status) conditions.push(eq(conversations.status, filter.status));
  if (filter.channel) conditions.push(eq(conversations.channel, filter.channel));
  if (filter.priority) conditions.push(eq(conversations.priority, filter.priority));
  if (filter.queueId) conditions.push(eq(conversations.queueId, filter.queueId));
  if (filter.assigneeId) conditions.push(eq(conversations.assigneeId, filter.assigneeId));
  if (filter.createdFrom) conditions.push(gte(conversations.createdAt, Date.parse(filter.createdFrom)));
  if (filter.createdTo) conditions.push(lt(conversations.createdAt, Date.parse(filter.createdTo)));
  if (filter.tag) {
    conditions.push(
      sql`exists (select 1 from json_each(${conversations.tags}) where value = ${normalizeTag(filter.tag)})`,
    );
  }
  if (filter.labelId) {
    conditions.push(
      sql`exists (select 1 from json_each(${conversations.labelIds}) where value = ${filter.labelId})`,
    );
  }
  switch (filter.view) {
    case 'mine':
      // Nobody's `mine` without an agent asking.
      conditions.push(eq(conversations.assigneeId, filter.agentId ?? ''), open);
      break;
    case 'queued':
    case 'bot':
      conditions.push(eq(conversations.status, filter.view === 'queued' ? 'queued' : 'bot'));
      break;
    case 'all':
      conditions.push(open);
      break;
    case 'closed':
      conditions.push(notInArray(conversations.status, [...OPEN_STATUSES]));
      break;
    case undefined:
      break;
    default:
      filter.view satisfies never;
  }
  if (filter.q) conditions.push(searchCondition(filter.q, filter.searchNotes ?? false));
  return conditions;
}

/** The contact's name, email or phone, a message's text, or the conversation's id. */
function searchCondition(q: string, searchNotes: boolean): SQL {
  const pattern = containing(q);
  const digits = q.replace(/[\s\-.()+]/g, '');
  const contactMatches = or(
    sql`${contacts.name} LIKE ${pattern} ESCAPE '\\'`,
    sql`${contacts.email} LIKE ${pattern} ESCAPE '\\'`,
    /^\d{3,}$/.test(digits)
      ? sql`${phoneDigits(contacts.phone)} LIKE ${containing(digits)} ESCAPE '\\'`
      : undefined,
  );
  const messageMatches = and(
    eq(messages.conversationId, conversations.id),
    sql`${messages.text} LIKE ${pattern} ESCAPE '\\'`,
    searchNotes ? undefined : ne(messages.kind, 'note'),
  );
  return or(
    eq(conversations.id, q),
    sql`${conversations.contactId} in (select ${contacts.id} from ${contacts} where ${contactMatches})`,
    sql`exists (select 1 from ${messages} where ${messageMatches})`,
  ) as SQL;
}

export function sqliteConversations(
  db: SqliteDb,
  immediate: Immediate,
  now: () => number,
): Omit<Store['conversations'], 'annotate'> {
  // Every socket request looks its conversation up; prepared once, it skips query building.
  const findById = db
    .select()
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();

  const agentById = db
    .select()
    .from(agents)
    .where(eq(agents.id, sql.placeholder('id')))
    .prepare();
  const loadOf = db
    .select({ n: count() })
    .from(conversations)
    .where(
      and(
        eq(conversations.assigneeId, sql.placeholder('agentId')),
        inArray(conversations.status, ['active', 'pending']),
      ),
    )
    .prepare();
  const stampAssigned = db
    .update(agents)
    .set({ lastAssignedAt: sql`${sql.placeholder('time')}` })
    .where(eq(agents.id, sql.placeholder('id')))
    .prepare();

  const findOpen = db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.contactId, sql.placeholder('contactId')),
        eq(conversations.channel, sql.placeholder('channel')),
        inArray(conversations.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(conversations.updatedAt))
    .prepare();
  const raw = (name: string) => sql`${sql.placeholder(name)}`;
  const insertConversation = db
    .insert(conversations)
    .values({
      id: raw('id'),
      siteId: raw('siteId'),
      contactId: raw('contactId'),
      channel: raw('channel'),
      status: raw('status'),
      queueId: raw('queueId'),
      queuedAt: raw('queuedAt'),
      channelAccountId: raw('channelAccountId'),
      subject: raw('subject'),
      priority: 'normal',
      createdAt: raw('time'),
      updatedAt: raw('time'),
    })
    .returning()
    .prepare();
  // Every lifecycle column at once, so one prepared statement serves every transition.
  const updateLifecycle = db
    .update(conversations)
    .set({
      status: raw('status'),
      assigneeId: raw('assigneeId'),
      queueId: raw('queueId'),
      priority: raw('priority'),
      queuedAt: raw('queuedAt'),
      assignedAt: raw('assignedAt'),
      resolvedAt: raw('resolvedAt'),
      resolveReason: raw('resolveReason'),
      requiredSkills: raw('requiredSkills'),
      handoff: raw('handoff'),
      csatScore: raw('csatScore'),
      csatComment: raw('csatComment'),
      ratedAt: raw('ratedAt'),
      updatedAt: raw('time'),
    })
    .where(eq(conversations.id, sql.placeholder('id')))
    .returning()
    .prepare();
  // Read and written on every bot turn: prepared once.
  const selectBotState = db
    .select({ state: conversations.botState })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();
  const updateBotState = db
    .update(conversations)
    .set({ botState: raw('state') })
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();
  // Read and delivery marks move forward only and never past the last message: one conditional
  // update each, so two tabs (or two agents) racing cannot lower a mark. Reading implies
  // receiving, so a read mark lifts the same side's delivery mark with it.
  const clampedSeq = sql`min(${sql.placeholder('seq')}, ${conversations.lastSeq})`;
  const raiseReadMark = (
    key: 'visitorReadSeq' | 'agentReadSeq',
    delivered: 'visitorDeliveredSeq' | 'agentDeliveredSeq',
  ) =>
    db
      .update(conversations)
      .set({ [key]: clampedSeq, [delivered]: sql`max(${conversations[delivered]}, ${clampedSeq})` })
      .where(and(eq(conversations.id, sql.placeholder('id')), lt(conversations[key], clampedSeq)))
      .returning()
      .prepare();
  const raiseVisitorRead = raiseReadMark('visitorReadSeq', 'visitorDeliveredSeq');
  const raiseAgentRead = raiseReadMark('agentReadSeq', 'agentDeliveredSeq');
  const raiseDeliveredMark = (key: 'visitorDeliveredSeq' | 'agentDeliveredSeq') =>
    db
      .update(conversations)
      .set({ [key]: clampedSeq })
      .where(and(eq(conversations.id, sql.placeholder('id')), lt(conversations[key], clampedSeq)))
      .returning()
      .prepare();
  const raiseVisitorDelivered = raiseDeliveredMark('visitorDeliveredSeq');
  const raiseAgentDelivered = raiseDeliveredMark('agentDeliveredSeq');
  const insertEvent = db
    .insert(conversationEvents)
    .values({
      id: raw('id'),
      conversationId: raw('conversationId'),
      type: raw('type'),
      actorKind: raw('actorKind'),
      actorId: raw('actorId'),
      fromStatus: raw('fromStatus'),
      toStatus: raw('toStatus'),
      // Bound as a JSON string: raw placeholders skip drizzle's JSON encoding.
      data: raw('data'),
      createdAt: raw('createdAt'),
    })
    .prepare();

  return {
    async byId(id) {
      const row = findById.get({ id });
      return row ? toConversation(row) : null;
    },

    async openOrCreate({
      siteId,
      contactId,
      channel,
      status,
      queueId,
      channelAccountId,
      subject,
      reuseOpen,
    }) {
      // IMMEDIATE takes the write lock first, so two tabs starting at once still share one conversation.
      return immediate(() => {
        const open = reuseOpen === false ? undefined : findOpen.get({ contactId, channel });
        if (open) return { conversation: toConversation(open), created: false };
        const time = now();
        const row = insertConversation.get({
          id: ulid(),
          siteId,
          contactId,
          channel,
          status,
          queueId,
          queuedAt: status === 'queued' ? time : null,
          channelAccountId: channelAccountId ?? null,
          subject: subject ?? null,
          time,
        });
        if (!row) throw new Error('insert returned no row');
        insertEvent.run({
          id: ulid(),
          conversationId: row.id,
          type: 'created',
          actorKind: 'visitor',
          actorId: contactId,
          fromStatus: null,
          toStatus: status,
          data: JSON.stringify({ channel, queueId }),
          createdAt: time,
        });
        return { conversation: toConversation(row), created: true };
      });
    },

    async transition({ conversationId, expect, set, assignTo, acceptHandoff, event }) {
      return immediate(() => {
        // Under BEGIN IMMEDIATE no other writer runs, so reading, checking and writing here is
        // as atomic as one conditional UPDATE (which is what the Postgres store will use).
        const current = findById.get({ id: conversationId });
        if (!current) return { ok: false, reason: 'not_found', current: null } as const;
        const previous = toConversation(current);
        const statusOk = !expect.statuses || expect.statuses.includes(current.status);
        const ownerOk = expect.assigneeId === undefined || expect.assigneeId === current.assigneeId;
        const unratedOk = expect.rated === undefined || current.ratedAt === null;
        if (!statusOk || !ownerOk || !unratedOk)
          return { ok: false, reason: 'precondition', current: previous } as const;
        const time = now();
        if (assignTo) {
          const agent = agentById.get({ id: assignTo });
          const load = loadOf.get({ agentId: assignTo })?.n ?? 0;
          if (!agent || load >= agent.capacity)
            return { ok: false, reason: 'capacity', current: previous } as const;
          stampAssigned.run({ id: assignTo, time });
        }
        const { csat: rating, ...changes } = set;
        const next = { ...current, ...changes };
        if (acceptHandoff && next.handoff && next.handoff.acceptedAt === null) {
          next.handoff = { ...next.handoff, acceptedAt: new Date(time).toISOString() };
        }
        // A rating is of one resolution: leaving `resolved` (a reopen) clears it, so that the next
        // resolve can be rated again. The timeline keeps the `rated` event.
        const csat = next.status === 'resolved' ? rating : null;
        if (csat !== undefined) {
          next.csatScore = csat?.score ?? null;
          next.csatComment = csat?.comment ?? null;
          next.ratedAt = csat?.ratedAt ?? null;
        }
        const row = updateLifecycle.get({
          id: conversationId,
          status: next.status,
          assigneeId: next.assigneeId,
          queueId: next.queueId,
          priority: next.priority,
          queuedAt: next.queuedAt,
          assignedAt: next.assignedAt,
          resolvedAt: next.resolvedAt,
          resolveReason: next.resolveReason,
          requiredSkills: JSON.stringify(next.requiredSkills),
          handoff: next.handoff === null ? null : JSON.stringify(next.handoff),
          csatScore: next.csatScore,
          csatComment: next.csatComment,
          ratedAt: next.ratedAt,
          time,
        });
        if (!row) return { ok: false, reason: 'not_found', current: null } as const;
        insertEvent.run({
          id: ulid(),
          conversationId,
          type: event.type,
          actorKind: event.actorKind,
          actorId: event.actorId,
          fromStatus: current.status,
          toStatus: row.status,
          data: JSON.stringify(event.data ?? {}),
          createdAt: time,
        });
        return { ok: true, conversation: toConversation(row), previous } as const;
      });
    },

    async botState(id) {
      return selectBotState.get({ id })?.state ?? null;
    },

    async setBotState(id, state) {
      updateBotState.run({ id, state: state === undefined || state === null ? null : JSON.stringify(state) });
    },

    async markRead(id, reader, seq) {
      const row = (reader === 'visitor' ? raiseVisitorRead : raiseAgentRead).get({ id, seq });
      if (row) return { conversation: toConversation(row), advanced: true };
      const current = findById.get({ id });
      return current ? { conversation: toConversation(current), advanced: false } : null;
    },

    async markDelivered(id, recipient, seq) {
      const row = (recipient === 'visitor' ? raiseVisitorDelivered : raiseAgentDelivered).get({ id, seq });
      if (row) return { conversation: toConversation(row), advanced: true };
      const current = findById.get({ id });
      return current ? { conversation: toConversation(current), advanced: false } : null;
    },

    async list(filter) {
      const { limit, cursor } = filter;
      const conditions = filterConditions(filter);
      if (cursor) {
        const after = decodeCursor(cursor);
        const older = or(
          lt(conversations.updatedAt, after.updatedAt),
          and(eq(conversations.updatedAt, after.updatedAt), lt(conversations.id, after.id)),
        );
        if (older) conditions.push(older);
      }
      const rows = db
        .select()
        .from(conversations)
        .where(and(...conditions))
        .orderBy(desc(conversations.updatedAt), desc(conversations.id))
        .limit(limit + 1)
        .all();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toConversation),
        nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
      };
    },
  };
}
