// Identity verification end to end: the site's backend signs its user's id (HMAC-SHA256 with the
// site's identity secret), the SDK sends it, the real server checks it. A verified user is one
// contact on every device, with one conversation and its history.
import { createHmac } from 'node:crypto';
import type { Message, VisitorIdentity } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const texts = (messages: readonly Message[]): string[] => messages.map((m) => m.text);

/** Switches the demo site to `enforce` and returns what its backend would compute. */
async function enforce(): Promise<{ siteId: string; sign: (userId: string) => string }> {
  const store = t.server.switchboard.store;
  const site = await store.sites.byKey(DEMO.siteKey);
  if (!site) throw new Error('the demo site was not seeded');
  await store.sites.update(site.id, { identityVerification: 'enforce' });
  return {
    siteId: site.id,
    sign: (userId) => createHmac('sha256', site.identitySecret).update(userId).digest('hex'),
  };
}

describe('enforce mode', () => {
  it('accepts a correct identifierHash and refuses a wrong one with unauthorized', async () => {
    const { siteId, sign } = await enforce();
    const store = t.server.switchboard.store;

    const ada = t.visitor(memoryStorage(), {
      identity: {
        userId: 'user-ada',
        identifierHash: sign('user-ada'),
        name: 'Ada',
        email: 'ada@example.com',
      },
    });
    const hello = await ada.sendMessage('Hello, I am logged in');
    expect(ada.getSnapshot().contact).toMatchObject({ externalId: 'user-ada', name: 'Ada' });
    expect((await store.contacts.byExternalId(siteId, 'user-ada'))?.id).toBe(hello.authorId);

    // A hash for somebody else: the option's identity is refused when the visitor starts…
    const mallory = t.visitor(memoryStorage(), {
      identity: { userId: 'user-ada', identifierHash: sign('user-mallory'), name: 'Mallory' },
    });
    await expect(mallory.startConversation()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(mallory.getSnapshot().error).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/identity verification failed/i) as unknown,
    });
    // …and identify() rejects without storing anything.
    const storage = memoryStorage();
    const guest = t.visitor(storage);
    await expect(
      guest.identify({ userId: 'user-ada', identifierHash: 'f'.repeat(64) }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(storage.writes).toEqual([]);
    expect((await store.contacts.byExternalId(siteId, 'user-ada'))?.name).toBe('Ada');

    // No identity at all is still an anonymous visitor (the site may ask them to log in).
    const anonymous = t.visitor(memoryStorage());
    await anonymous.sendMessage('Just browsing');
    expect(anonymous.getSnapshot().contact?.externalId).toBeNull();
  });
});

describe('the same verified user on two devices', () => {
  it('sees one conversation and its history, live on both', async () => {
    const { sign } = await enforce();
    const identity: VisitorIdentity = { userId: 'user-ada', identifierHash: sign('user-ada'), name: 'Ada' };
    const phone = t.visitor(memoryStorage(), { identity });
    await phone.sendMessage('Written on the phone');
    await phone.sendMessage('Still on the phone');
    const conversationId = phone.getSnapshot().conversation?.id;

    // A second device, its own storage: the same contact, the same open conversation.
    const laptop = t.visitor(memoryStorage(), { identity });
    const joined = await laptop.startConversation();
    expect(joined.id).toBe(conversationId);
    expect(laptop.getSnapshot().contact?.id).toBe(phone.getSnapshot().contact?.id);
    await waitFor(() => laptop.getSnapshot().messages.length === 2, 'the history on the laptop');
    expect(texts(laptop.getSnapshot().messages)).toEqual(['Written on the phone', 'Still on the phone']);

    await laptop.sendMessage('Now on the laptop');
    await waitFor(() => phone.getSnapshot().messages.length === 3, 'the laptop’s message on the phone');
    expect(texts(phone.getSnapshot().messages)).toEqual([
      'Written on the phone',
      'Still on the phone',
      'Now on the laptop',
    ]);
  });

  it('moves an anonymous visitor who logs in (identify) to the user’s conversation; theirs stays as it was', async () => {
    const { sign } = await enforce();
    const identity: VisitorIdentity = { userId: 'user-ada', identifierHash: sign('user-ada') };
    const phone = t.visitor(memoryStorage(), { identity });
    await phone.sendMessage('Written on the phone');

    const storage = memoryStorage();
    const tablet = t.visitor(storage);
    const before = await tablet.sendMessage('Hello? (not logged in yet)');
    const anonymousContact = tablet.getSnapshot().contact;

    await tablet.identify(identity);
    await waitFor(() => tablet.getSnapshot().messages.length === 1, 'the user’s history on the tablet');
    expect(tablet.getSnapshot()).toMatchObject({
      connection: 'connected',
      contact: { id: phone.getSnapshot().contact?.id, externalId: 'user-ada' },
      conversation: { id: phone.getSnapshot().conversation?.id },
    });
    expect(texts(tablet.getSnapshot().messages)).toEqual(['Written on the phone']);
    const session = JSON.parse(storage.getItem('switchboard:session') ?? 'null') as {
      resume: { contactId: string };
      conversationId: string;
    };
    expect(session).toMatchObject({
      resume: { contactId: phone.getSnapshot().contact?.id },
      conversationId: phone.getSnapshot().conversation?.id,
    });

    await tablet.sendMessage('Logged in on the tablet');
    await waitFor(() => phone.getSnapshot().messages.length === 2, 'the tablet’s message on the phone');

    const store = t.server.switchboard.store;
    expect(await store.contacts.byId(anonymousContact?.id ?? '')).toMatchObject({ externalId: null });
    expect((await store.conversations.byId(before.conversationId))?.contactId).toBe(anonymousContact?.id);
  });
});
