// Contacts as agents read and edit them: the profile, custom attributes and earlier conversations.
import {
  MAX_CONTACT_ATTRIBUTES,
  type Contact,
  type ConversationPage,
  type UpdateContactRequest,
} from '@switchboard/protocol';
import { publicContact } from '../db/mappers.js';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Viewer } from './viewer.js';

export interface ContactService {
  get(viewer: Viewer, contactId: string): Promise<Contact>;
  /**
   * Applies an agent's edit all at once (see `Store['contacts']['edit']`), tells every agent
   * (`contact:updated`) and records it in the contact's timeline. An edit that changes nothing
   * writes and announces nothing.
   */
  update(viewer: Viewer, contactId: string, changes: UpdateContactRequest): Promise<Contact>;
  /** The contact's conversations, most recently updated first. */
  conversations(
    viewer: Viewer,
    contactId: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<ConversationPage>;
}

function requireAgent(viewer: Viewer): string {
  if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents see and edit contacts');
  return viewer.agentId;
}

export function createContactService({ store, bus }: { store: Store; bus: EventBus }): ContactService {
  async function get(viewer: Viewer, contactId: string): Promise<Contact> {
    requireAgent(viewer);
    const contact = await store.contacts.byId(contactId);
    if (!contact) throw AppError.notFound('Contact');
    return publicContact(contact);
  }

  return {
    get,

    async update(viewer, contactId, changes) {
      const actorId = requireAgent(viewer);
      const result = await store.contacts.edit(contactId, changes, {
        actorId,
        maxAttributes: MAX_CONTACT_ATTRIBUTES,
      });
      if (!result) throw AppError.notFound('Contact');
      const contact = publicContact(result.contact);
      if (result.changed.length > 0) bus.publish('contact.updated', { contact });
      return contact;
    },

    async conversations(viewer, contactId, { limit, cursor }) {
      await get(viewer, contactId);
      return store.conversations.list({ contactId, limit, cursor });
    },
  };
}
