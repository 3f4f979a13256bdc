// A contact's orders and products, from the shop, beside the conversation (issue 6).
import type { ContactContext } from '@switchboard/protocol';
import type { Config } from '../../config.js';
import type { Store } from '../../db/store.js';
import { AppError } from '../../lib/app-error.js';
import type { Logger } from '../../lib/logger.js';
import type { ConversationService } from '../conversations.js';
import type { Viewer } from '../viewer.js';
import { createLookupCache } from './cache.js';
import { identityOf, isAnonymous, lookupKeys } from './contact-keys.js';
import { fileSource } from './file-source.js';
import { httpSource } from './http-source.js';
import { unavailable, type ContextSource } from './source.js';
import { toContactContext } from './validate.js';

export interface ContextService {
  /**
   * What the shop knows about the conversation's contact. Agents only (`forbidden` otherwise);
   * empty lists for a contact the shop does not know, or when no provider is configured;
   * `context_unavailable` when the provider fails.
   */
  forConversation(viewer: Viewer, conversationId: string): Promise<ContactContext>;
}

export interface ContextServiceDeps {
  store: Store;
  conversations: Pick<ConversationService, 'get'>;
  config: Config['context'];
  logger: Logger;
  now: () => number;
  /** For the http provider. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Enough for every contact a team has open at once. */
const MAX_CACHED_CONTACTS = 1000;

export function createContextService(deps: ContextServiceDeps): ContextService {
  const { store, conversations, config, logger } = deps;
  const source = createSource(deps);
  const cache = createLookupCache<ContactContext>({
    ttlMs: config.cacheTtlMs,
    maxEntries: MAX_CACHED_CONTACTS,
    now: deps.now,
  });

  return {
    async forConversation(viewer, conversationId) {
      if (viewer.kind !== 'agent') throw new AppError('forbidden', "Only agents see a contact's orders");
      const conversation = await conversations.get(viewer, conversationId);
      const contact = await store.contacts.byId(conversation.contactId);
      if (!contact) throw AppError.notFound('Contact');
      const identity = identityOf(contact);
      if (source === null || isAnonymous(identity)) return { orders: [], products: [] };
      // Keyed by the identifiers, not the contact id: an edited email asks the shop again.
      return cache.get(JSON.stringify(lookupKeys(identity)), async () => {
        try {
          return toContactContext(await source(identity));
        } catch (error) {
          const failure = error instanceof AppError ? error : unavailable('The context provider failed');
          logger.warn('contact context unavailable', { contactId: contact.id, reason: failure.message });
          if (!(error instanceof AppError)) logger.error('contact context lookup threw', { error });
          throw failure;
        }
      });
    },
  };
}

function createSource({ config, fetch }: ContextServiceDeps): ContextSource | null {
  const { source } = config;
  if (source === null) return null;
  return source.kind === 'http'
    ? httpSource({ urlTemplate: source.urlTemplate, timeoutMs: config.timeoutMs, ...(fetch && { fetch }) })
    : fileSource({ path: source.path });
}
