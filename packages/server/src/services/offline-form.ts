import type { Message, OfflineFormSubmission } from '@switchboard/protocol';
import { publicContact } from '../db/mappers.js';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { ConversationService } from './conversations.js';
import type { HandoffService } from './handoff.js';
import type { Notifier } from './notifier.js';
import type { Viewer } from './viewer.js';

export interface OfflineForms {
  /**
   * Stores the visitor's name and email on the contact and their message in the conversation,
   * which waits in the queue for an agent; then notifies the team. Idempotent on clientMessageId.
   */
  submit(viewer: Viewer, submission: OfflineFormSubmission): Promise<Message>;
}

export function createOfflineForms({
  store,
  bus,
  conversations,
  handoff,
  notifier,
  logger,
}: {
  store: Store;
  bus: EventBus;
  conversations: ConversationService;
  handoff: HandoffService;
  notifier: Notifier;
  logger: Logger;
}): OfflineForms {
  return {
    async submit(viewer, { conversationId, clientMessageId, name, email, message: text }) {
      if (viewer.kind !== 'visitor')
        throw new AppError('forbidden', 'Only visitors fill in the offline form');
      let conversation = await conversations.get(viewer, conversationId);
      // A form sent from a bot chat is a request for a person too (the visitor has already left
      // their message, so they are not offered the form again).
      if (conversation.status === 'bot') {
        conversation = await handoff.request(
          conversation.id,
          { reason: 'visitor_request', summary: `Offline message: ${text.slice(0, 300)}` },
          { kind: 'visitor', id: viewer.contactId },
          { tellIfUnavailable: false },
        );
      }
      const before = conversation.lastSeq;
      const message = await conversations.send(viewer, { conversationId, clientMessageId, text });
      // Only the first delivery of a submission does the rest; a retry finds its message stored.
      if (message.seq <= before) return message;
      const contact = await store.contacts.update(viewer.contactId, { name: name || undefined, email });
      if (!contact) throw AppError.notFound('Contact');
      bus.publish('contact.updated', { contact: publicContact(contact) });
      await store.timeline.record(conversationId, {
        type: 'offline_form_submitted',
        actorKind: 'visitor',
        actorId: viewer.contactId,
        data: { email, name: name ?? null },
      });
      const site = await store.sites.byId(conversation.siteId);
      const latest = (await store.conversations.byId(conversationId)) ?? conversation;
      if (site) {
        notifier
          .offlineFormSubmitted({ site, conversation: latest, contact: publicContact(contact), message })
          .catch((error: unknown) => logger.error('offline form notification failed', { error }));
      }
      return message;
    },
  };
}
