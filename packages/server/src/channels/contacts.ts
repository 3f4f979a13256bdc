import type { ChannelAccountRecord, Store } from '../db/store.js';
import type { InboundMessage } from './adapter.js';

/**
 * The contact behind a provider address: the one linked to it, or a new one filled from what the
 * provider (or the agent writing first) tells about them, linked in the same step.
 */
export async function contactAtAddress(
  store: Store,
  account: ChannelAccountRecord,
  address: string,
  profile: NonNullable<InboundMessage['profile']> = {},
): Promise<string> {
  const known = await store.channels.contactAt(account.id, address);
  if (known) return known.contactId;
  const contact = await store.contacts.create({
    siteId: account.siteId,
    // Channel contacts never resume a browser session: nobody holds this credential.
    resumeSecretHash: `channel:${account.id}`,
    profile: {
      ...(profile.name && { name: profile.name }),
      ...(profile.email && { email: profile.email }),
      ...(profile.phone && { phone: profile.phone }),
    },
  });
  // Two deliveries from a new address at once: the first link wins, and both use it.
  return store.channels.linkContact(account.id, address, contact.id);
}
