import { ulid, type Contact, type Conversation, type Message } from '@switchboard/protocol';
import { deliverSigned } from '../bots/webhook/deliver.js';
import type { SiteRecord } from '../db/store.js';
import type { Logger } from '../lib/logger.js';
import type { Mailer } from '../lib/mailer.js';
import { noAgentSettings } from './no-agent.js';

export interface OfflineSubmission {
  site: SiteRecord;
  conversation: Conversation;
  contact: Contact;
  message: Message;
}

/** Tells the team about an offline form submission: a signed webhook and/or an email. */
export interface Notifier {
  offlineFormSubmitted(submission: OfflineSubmission): Promise<void>;
}

export function createNotifier({
  mailer,
  logger,
  publicUrl,
  webhookBackoff,
}: {
  mailer: Mailer | null;
  logger: Logger;
  /** For the link in the email; null leaves it out. */
  publicUrl: () => string | null;
  webhookBackoff?: (attempt: number) => number;
}): Notifier {
  return {
    async offlineFormSubmitted({ site, conversation, contact, message }) {
      const { notifyWebhookUrl, notifyEmail } = noAgentSettings(site);
      const jobs: Promise<unknown>[] = [];
      if (notifyWebhookUrl) {
        jobs.push(
          deliverSigned({
            url: notifyWebhookUrl,
            secret: site.signingSecret,
            deliveryId: ulid(),
            event: 'offline_form.submitted',
            body: {
              event: 'offline_form.submitted',
              site: { id: site.id, name: site.name },
              conversation,
              contact,
              message,
            },
            timeoutMs: 5000,
            maxAttempts: 4,
            backoff: webhookBackoff,
          }),
        );
      }
      if (notifyEmail && mailer) {
        const base = publicUrl();
        jobs.push(
          mailer.send({
            to: notifyEmail,
            subject: `New offline message from ${contact.name ?? contact.email ?? 'a visitor'} (${site.name})`,
            text: [
              `${contact.name ?? 'A visitor'} <${contact.email ?? 'no email'}> wrote while nobody was available:`,
              '',
              message.text,
              '',
              base
                ? `Answer in the console: ${base}/console/#${conversation.id}`
                : `Conversation ${conversation.id}`,
            ].join('\n'),
          }),
        );
      } else if (notifyEmail) {
        logger.warn('offline form notification email skipped: SWITCHBOARD_SMTP_URL is not set', {
          siteId: site.id,
        });
      }
      const results = await Promise.allSettled(jobs);
      for (const result of results) {
        if (result.status === 'rejected') {
          logger.error('offline form notification failed', { siteId: site.id, error: String(result.reason) });
        }
      }
    },
  };
}
