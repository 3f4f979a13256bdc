import { createHash } from 'node:crypto';
import {
  checkPreChat,
  PRE_CHAT_CONTACT_FIELDS,
  PRE_CHAT_PROBLEM_TEXT,
  type Attributes,
  type ConsentRecord,
  type ContactPreChat,
  type PreChatResult,
  type PreChatSettings,
} from '@switchboard/protocol';
import type { PreChatSubmission as Submission } from '@switchboard/protocol/schemas';
import type { z } from 'zod';
import { publicContact } from '../db/mappers.js';
import type { ContactProfile, SiteRecord, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { AutoResolve } from './auto-resolve.js';
import type { NoAgentPolicy } from './no-agent.js';
import type { Notifier } from './notifier.js';
import type { RoutingService } from './routing.js';
import type { Viewer } from './viewer.js';

/** The submission as the socket handler parsed it, defaults filled in. */
type PreChatSubmission = z.output<typeof Submission>;

export interface PreChatService {
  /**
   * Checks the answers against the site's form, then in one transaction fills the contact in,
   * records the consent and, with a first message, starts the conversation with it. Idempotent on
   * the message's clientMessageId.
   */
  submit(viewer: Viewer, submission: PreChatSubmission): Promise<PreChatResult>;
}

/** Name, email and phone fill the contact's columns, the rest its attributes; blanks change nothing. */
function profileOf(
  settings: PreChatSettings,
  fields: Record<string, string>,
  verified: boolean,
): ContactProfile {
  const profile: ContactProfile = {};
  const attributes: Attributes = {};
  for (const { name } of settings.fields) {
    const value = fields[name]?.trim();
    if (!value) continue;
    if (!(name in PRE_CHAT_CONTACT_FIELDS)) attributes[name] = value;
    // What a verified identity set is only ever changed by a verified identity (see VisitorIdentity).
    else if (!verified) profile[name as 'name' | 'email' | 'phone'] = value;
  }
  if (Object.keys(attributes).length > 0) profile.attributes = attributes;
  return profile;
}

function consentRecord(settings: PreChatSettings, given: boolean, at: number): ConsentRecord | null {
  const { consent } = settings;
  if (!consent || !given) return null;
  // The wording and the link are what the visitor agreed to; the hash names that version.
  const version = createHash('sha256')
    .update(JSON.stringify([consent.text, consent.url]))
    .digest('hex');
  return { givenAt: new Date(at).toISOString(), text: consent.text, url: consent.url, version };
}

function recordOf(settings: PreChatSettings, submission: PreChatSubmission, at: number): ContactPreChat {
  const answers = settings.fields.flatMap(({ name, label }) => {
    const value = submission.fields[name]?.trim() ?? '';
    return value === '' ? [] : [{ name, label, value }];
  });
  return {
    submittedAt: new Date(at).toISOString(),
    answers,
    consent: consentRecord(settings, submission.consent, at),
  };
}

function formOf(site: SiteRecord | null): PreChatSettings {
  if (!site?.preChat?.enabled) throw new AppError('conflict', 'This site has no pre-chat form');
  return site.preChat;
}

interface Deps {
  store: Store;
  bus: EventBus;
  routing: RoutingService;
  noAgent: NoAgentPolicy;
  autoResolve: AutoResolve;
  notifier: Notifier;
  logger: Logger;
  now: () => number;
}

export function createPreChatService({
  store,
  bus,
  routing,
  noAgent,
  autoResolve,
  notifier,
  logger,
  now,
}: Deps): PreChatService {
  return {
    async submit(viewer, submission) {
      if (viewer.kind !== 'visitor') throw new AppError('forbidden', 'Only visitors send the pre-chat form');
      const [site, contact, queue] = await Promise.all([
        store.sites.byId(viewer.siteId),
        store.contacts.byId(viewer.contactId),
        store.queues.defaultForSite(viewer.siteId),
      ]);
      if (!contact) throw AppError.notFound('Contact');
      const settings = formOf(site);
      const issues = checkPreChat(settings, submission);
      if (issues.length > 0) {
        const described = issues.map(({ path, problem }) => ({
          path,
          message: PRE_CHAT_PROBLEM_TEXT[problem],
        }));
        const first = described[0]!;
        throw new AppError(
          'invalid_payload',
          `Invalid pre-chat form (${first.path}: ${first.message})`,
          described,
        );
      }
      const record = recordOf(settings, submission, now());
      const { message: text, clientMessageId } = submission;
      const written = await store.preChat.submit({
        contactId: contact.id,
        siteId: viewer.siteId,
        profile: profileOf(settings, submission.fields, contact.externalId !== null),
        record,
        start:
          text !== undefined && clientMessageId !== undefined
            ? {
                // As conversations.start would: with the bot when the site has one, else queued.
                status: site?.bot ? 'bot' : 'queued',
                queueId: queue?.id ?? null,
                clientMessageId,
                text,
                event: {
                  fields: record.answers.map((answer) => answer.name).join(','),
                  consentVersion: record.consent?.version ?? null,
                },
              }
            : null,
      });
      const { conversation, message } = written;
      const filled = publicContact(written.contact);
      // Broadcast strictly after commit, and never twice: a retry was broadcast the first time.
      if (!written.duplicate) bus.publish('contact.updated', { contact: filled });
      if (!conversation || !message || written.duplicate)
        return { contact: filled, conversation: conversation, message };

      if (written.created) bus.publish('conversation.created', { conversation });
      bus.publish('message.created', { message, conversation });
      await autoResolve.touch(conversation.id);
      if (written.created && conversation.status === 'queued') {
        // The form gave the team an email and the question: no offline form asks for them again,
        // but the team hears of it as of an offline form.
        const answered = filled.email !== null;
        const told = await noAgent.tellIfUnavailable(conversation, { answered });
        if (told === 'offline_form' && answered && site) {
          notifier
            .offlineFormSubmitted({ site, conversation, contact: filled, message })
            .catch((error: unknown) => logger.error('pre-chat notification failed', { error }));
        }
        if (conversation.queueId) await routing.drain(conversation.queueId);
      }
      // Routing may have assigned it meanwhile: the visitor starts from its current state.
      const latest = (await store.conversations.byId(conversation.id)) ?? conversation;
      return { contact: filled, conversation: latest, message };
    },
  };
}
