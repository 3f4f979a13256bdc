// An agent's edit of a contact: the fields and the timeline entry that records it, together.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { OPEN_STATUSES, ulid } from '@switchboard/protocol';
import { AppError } from '../../lib/app-error.js';
import { toContact } from '../mappers.js';
import { contacts, conversationEvents, conversations, type ContactRow } from '../schema.js';
import type { ContactEdit, Store } from '../store.js';
import type { Immediate, SqliteDb } from './open.js';

type Attributes = ContactRow['attributes'];

const FIELDS = ['name', 'email', 'phone'] as const;

/** The attributes after the edit: `null` removes a key, anything else sets it. */
function editedAttributes(current: Attributes, edit: ContactEdit['attributes'] = {}): Attributes {
  const next: Attributes = { ...current };
  for (const [key, value] of Object.entries(edit)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** What an edit changes, as `name`, `email`, `phone` and `attributes.<key>`. */
function changedFields(current: ContactRow, edit: ContactEdit, attributes: Attributes): string[] {
  const fields: string[] = FIELDS.filter(
    (field) => edit[field] !== undefined && edit[field] !== current[field],
  );
  const keys = new Set([...Object.keys(current.attributes), ...Object.keys(attributes)]);
  for (const key of keys) if (current.attributes[key] !== attributes[key]) fields.push(`attributes.${key}`);
  return fields;
}

export function sqliteContactEdit(
  db: SqliteDb,
  immediate: Immediate,
  now: () => number,
): Store['contacts']['edit'] {
  return async (contactId, edit, { actorId, maxAttributes }) =>
    immediate(() => {
      const current = db.select().from(contacts).where(eq(contacts.id, contactId)).get();
      if (!current) return null;
      const attributes = editedAttributes(current.attributes, edit.attributes);
      if (Object.keys(attributes).length > maxAttributes) {
        throw new AppError('invalid_payload', `A contact has at most ${maxAttributes} attributes`, [
          { path: 'attributes', message: `at most ${maxAttributes} attributes` },
        ]);
      }
      const changed = changedFields(current, edit, attributes);
      if (changed.length === 0) return { contact: toContact(current), changed, conversationIds: [] };
      const row = db
        .update(contacts)
        .set({
          ...(edit.name === undefined ? {} : { name: edit.name }),
          ...(edit.email === undefined ? {} : { email: edit.email }),
          ...(edit.phone === undefined ? {} : { phone: edit.phone }),
          attributes,
        })
        .where(eq(contacts.id, contactId))
        .returning()
        .get();
      if (!row) return null;
      // The journeys the edit belongs to: the open conversations, or else the latest one.
      const open = db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.contactId, contactId), inArray(conversations.status, [...OPEN_STATUSES])))
        .all();
      const latest = db
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.contactId, contactId))
        .orderBy(desc(conversations.updatedAt), desc(conversations.id))
        .limit(1)
        .all();
      const conversationIds = (open.length > 0 ? open : latest).map((conversation) => conversation.id);
      const time = now();
      if (conversationIds.length > 0) {
        db.insert(conversationEvents)
          .values(
            conversationIds.map((conversationId) => ({
              id: ulid(),
              conversationId,
              type: 'contact_updated' as const,
              actorKind: 'agent' as const,
              actorId,
              fromStatus: null,
              toStatus: null,
              data: { contactId, fields: changed.join(',') },
              createdAt: time,
            })),
          )
          .run();
      }
      return { contact: toContact(row), changed, conversationIds };
    });
}
