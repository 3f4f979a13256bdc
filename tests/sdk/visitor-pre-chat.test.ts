// The visitor client and a site's pre-chat form, against the real server: the form is read without
// a session, a first message waits for it, and sending it starts the conversation at once.
import { preChatPending } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../support/clients.js';
import { setPreChat } from '../support/site-settings.js';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

const t = useServer();

const FORM = {
  fields: [
    { name: 'name', label: 'Name', required: true },
    { name: 'email', label: 'Email', type: 'email' as const, required: true },
    { name: 'orderNumber', label: 'Order number' },
  ],
  consent: { text: 'I agree to the privacy policy.', url: 'https://example.com/privacy' },
};

describe('a site with a pre-chat form', () => {
  it('is read without a session: one GET, nothing created, nothing stored', async () => {
    await setPreChat(t.server.url, FORM);
    const requestsBefore = t.server.requests.length;
    const storage = memoryStorage();
    const visitor = t.visitor(storage);
    const site = await visitor.loadSite();
    expect(site.preChat?.fields.map((f) => f.name)).toEqual(['name', 'email', 'orderNumber']);
    expect(visitor.getSnapshot()).toMatchObject({ connection: 'idle', site, contact: null });
    expect(preChatPending(site.preChat, visitor.getSnapshot().contact)).toBe(true);
    expect(t.server.requests.slice(requestsBefore)).toEqual([
      'GET /v1/sites/by-key/pk_demo_switchboard/public',
    ]);
    expect(storage.writes).toEqual([]);
    // Asked again, it is not fetched again.
    await visitor.loadSite();
    expect(t.server.requests.slice(requestsBefore)).toHaveLength(1);
  });

  it('refuses a first message until the form is sent, then starts the conversation with the form’s message', async () => {
    await setPreChat(t.server.url, FORM);
    const agent = t.agent();
    await agent.connect();
    const visitor = t.visitor();
    await expect(visitor.sendMessage('Hello?')).rejects.toMatchObject({ code: 'pre_chat_required' });
    visitor.discardMessage(visitor.getSnapshot().pending[0]?.clientMessageId ?? '');

    await expect(
      visitor.submitPreChat({
        fields: { name: 'Ada', email: 'ada@example.com' },
        message: 'Where is A1234?',
      }),
    ).rejects.toMatchObject({ code: 'invalid_payload', issues: [{ path: 'consent' }] });

    const result = await visitor.submitPreChat({
      fields: { name: 'Ada Lovelace', email: 'ada@example.com', orderNumber: 'A1234' },
      consent: true,
      message: 'Where is my order?',
    });
    const state = visitor.getSnapshot();
    expect(state.conversation?.id).toBe(result.conversation?.id);
    expect(state.messages.map((m) => m.text)).toEqual(['Where is my order?']);
    expect(state.contact).toMatchObject({ name: 'Ada Lovelace', attributes: { orderNumber: 'A1234' } });
    expect(preChatPending(state.site?.preChat ?? null, state.contact)).toBe(false);

    // The agent gets the conversation with who the visitor is, and the reply reaches the visitor.
    const conversationId = result.conversation!.id;
    await waitFor(() => agent.getSnapshot().conversations[conversationId]?.status === 'active', 'routing');
    expect(await agent.contact(conversationId)).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      preChat: { consent: { text: FORM.consent.text } },
    });
    await agent.sendMessage(conversationId, 'It ships today.');
    await waitFor(() => visitor.getSnapshot().messages.length === 2, 'the reply');
    // Later messages go into the same conversation as usual.
    await visitor.sendMessage('Thanks!');
    expect(visitor.getSnapshot().messages.map((m) => m.text)).toEqual([
      'Where is my order?',
      'It ships today.',
      'Thanks!',
    ]);
  });
});
