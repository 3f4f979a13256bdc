import { DEFAULT_OFFLINE_FIELDS, ulid, type Conversation, type NoAgentSettings } from '@switchboard/protocol';
import type { SiteRecord, Store } from '../db/store.js';
import { isOpen } from '../domain/business-hours.js';
import type { EventBus } from '../domain/events.js';

export interface NoAgentPolicy {
  /**
   * A conversation just entered the queue. When nobody can answer (closed, or no member of the
   * queue online) the visitor is told so: with the wait shown, or with the offline form. With
   * `answered` (the pre-chat form already gave an email and the first message) the form would
   * ask again for what the team has, so the message goes without it. Resolves with the mode the
   * visitor was told in, or null when someone can answer.
   */
  tellIfUnavailable(
    conversation: Conversation,
    options?: { answered?: boolean },
  ): Promise<NoAgentSettings['mode'] | null>;
}

const DEFAULTS: NoAgentSettings = {
  mode: 'queue',
  message: 'Nobody from our team is online right now.',
  notifyWebhookUrl: null,
  notifyEmail: null,
};

export function noAgentSettings(site: SiteRecord): NoAgentSettings {
  return site.noAgent ?? DEFAULTS;
}

export function createNoAgentPolicy({
  store,
  bus,
  now,
}: {
  store: Store;
  bus: EventBus;
  now: () => number;
}): NoAgentPolicy {
  async function anyoneOnline(queueId: string | null): Promise<boolean> {
    const queue = queueId ? await store.queues.byId(queueId) : null;
    if (!queue || queue.memberIds.length === 0) return false;
    const members = await store.agents.presence(queue.memberIds);
    return members.some((agent) => agent.status === 'available' || agent.status === 'busy');
  }

  return {
    async tellIfUnavailable(conversation, { answered = false } = {}) {
      const site = await store.sites.byId(conversation.siteId);
      if (!site) return null;
      const hours = isOpen(site.businessHours, now()) ? null : site.businessHours;
      // Outside business hours visitors are always told; when merely nobody is online, only if
      // the site chose what to say (a queue that fills up before 9:00 is normal otherwise).
      if (!hours && (!site.noAgent || (await anyoneOnline(conversation.queueId)))) return null;
      const mode = hours ? hours.afterHours.mode : noAgentSettings(site).mode;
      const text = hours ? hours.afterHours.message : noAgentSettings(site).message;
      const { message, conversation: updated } = await store.messages.append({
        conversationId: conversation.id,
        clientMessageId: ulid(),
        authorKind: 'system',
        authorId: null,
        kind: 'text',
        text,
        // The widget draws the form under the message; its submission is `offline_form:submit`.
        form:
          mode === 'offline_form' && !answered
            ? { kind: 'offline', fields: DEFAULT_OFFLINE_FIELDS.map((f) => ({ ...f })) }
            : null,
      });
      bus.publish('message.created', { message, conversation: updated });
      return mode;
    },
  };
}
