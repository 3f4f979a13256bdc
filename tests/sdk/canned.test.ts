// Canned responses through the agent SDK, against the real server: every action, the live
// updates every console gets, the catch-up after a reconnect, and rendering for a conversation.
import { renderCanned, SwitchboardError, type AgentClient } from '@switchboard/agent-sdk';
import type { CannedChangedEvent, CannedResponse } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

const t = useServer();

async function demoSiteId(): Promise<string> {
  const site = await t.server.switchboard.store.sites.byKey(DEMO.siteKey);
  if (!site) throw new Error('the demo site was not seeded');
  return site.id;
}

const shortcuts = (client: AgentClient) =>
  Object.values(client.getSnapshot().canned)
    .map((response) => response.shortcut)
    .sort();

/** Rejects with a SwitchboardError; resolves with it, to look at its code and issues. */
async function refusal(request: Promise<unknown>): Promise<SwitchboardError> {
  const error = await request.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SwitchboardError))
    throw new Error(`expected a SwitchboardError, got ${String(error)}`);
  return error;
}

describe('canned responses in the agent SDK', () => {
  it('lists every response into the state, and searches locally and on the server alike', async () => {
    const agent = t.agent();
    await agent.connect();
    expect(agent.getSnapshot()).toMatchObject({ canned: {}, cannedLoaded: false });

    const listed = await agent.canned.list();
    expect(listed.map((r) => r.shortcut)).toEqual(['follow-up-email', 'greeting', 'refund-policy']);
    expect(agent.getSnapshot().cannedLoaded).toBe(true);
    expect(shortcuts(agent)).toEqual(['follow-up-email', 'greeting', 'refund-policy']);

    // "return" is in the refund policy's body; "REFUND" starts its shortcut.
    for (const query of ['REFUND', 'return', 'emáil', 'nothing like it']) {
      const local = agent.canned.search(query);
      const remote = await agent.canned.list({ q: query });
      expect(local.map((r) => r.id)).toEqual(remote.map((r) => r.id));
    }
    expect(agent.canned.search('refund').map((r) => r.shortcut)).toEqual(['refund-policy']);
    expect((await agent.canned.list({ category: 'General' })).map((r) => r.shortcut)).toEqual([
      'follow-up-email',
      'greeting',
    ]);
    expect(agent.canned.search('', { category: 'Orders' }).map((r) => r.shortcut)).toEqual(['refund-policy']);
    expect(await agent.canned.list({ siteId: 'another-site' })).toEqual([]);
    // A search or another site's list says nothing about the rest: the state keeps all three.
    expect(shortcuts(agent)).toHaveLength(3);
  });

  it('creates, updates and removes, and every connected console follows live', async () => {
    const siteId = await demoSiteId();
    const writer = t.agent();
    const watcher = t.agent();
    await Promise.all([writer.connect(), watcher.connect()]);
    await Promise.all([writer.canned.list(), watcher.canned.list()]);
    const heard: CannedChangedEvent[] = [];
    watcher.on('canned:changed', (event) => {
      // The state already follows when listeners hear of the change.
      expect(watcher.getSnapshot().canned[event.cannedResponse.id]).toEqual(
        event.change === 'deleted' ? undefined : event.cannedResponse,
      );
      heard.push(event);
    });

    const created = await writer.canned.create({
      siteId,
      shortcut: 'Warranty',
      title: 'Warranty',
      body: "Hi {{contact.first_name || 'there'}}, everything has a two-year warranty.",
      category: 'Orders',
    });
    expect(writer.getSnapshot().canned[created.id]).toEqual(created);
    await waitFor(() => watcher.getSnapshot().canned[created.id], 'the new response on the other console');

    const updated = await writer.canned.update(created.id, { title: 'Warranty (3 years)', category: null });
    expect(updated).toMatchObject({ id: created.id, title: 'Warranty (3 years)', category: null });
    expect(writer.getSnapshot().canned[created.id]).toEqual(updated);
    await waitFor(() => watcher.getSnapshot().canned[created.id]?.category === null, 'the edit');
    expect(watcher.getSnapshot().canned[created.id]).toEqual(updated);

    await writer.canned.remove(created.id);
    expect(writer.getSnapshot().canned[created.id]).toBeUndefined();
    await waitFor(() => heard.length === 3, 'the deletion');
    expect(watcher.getSnapshot().canned[created.id]).toBeUndefined();
    expect(heard).toEqual([
      { change: 'created', cannedResponse: created },
      { change: 'updated', cannedResponse: updated },
      { change: 'deleted', cannedResponse: updated },
    ]);
    expect(shortcuts(watcher)).toEqual(shortcuts(writer));
  });

  it('refuses invalid writes with the server’s codes and issues, changing nothing', async () => {
    const siteId = await demoSiteId();
    const agent = t.agent();
    await agent.connect();
    await agent.canned.list();
    const before = agent.getSnapshot().canned;

    const invalid = await refusal(
      agent.canned.create({ siteId, shortcut: 'two words', title: 'x', body: 'Hi {{contact.frist_name}}' }),
    );
    expect(invalid.code).toBe('invalid_payload');
    expect(invalid.issues?.map((issue) => issue.path)).toEqual(['shortcut', 'body']);

    const duplicate = await refusal(
      agent.canned.create({ siteId, shortcut: 'GREETING', title: 'x', body: 'y' }),
    );
    expect(duplicate).toMatchObject({ code: 'conflict', issues: [{ path: 'shortcut' }] });

    const [greeting] = agent.canned.search('greeting');
    const clash = await refusal(agent.canned.update(greeting!.id, { shortcut: 'refund-policy' }));
    expect(clash.code).toBe('conflict');
    expect((await refusal(agent.canned.update('no-such-id', { title: 'x' }))).code).toBe('not_found');
    expect(
      (await refusal(agent.canned.create({ siteId: 'nope', shortcut: 'x', title: 'x', body: 'y' }))).code,
    ).toBe('not_found');
    // Removing what is already gone is no error: it is gone.
    await agent.canned.remove('no-such-id');

    expect(agent.getSnapshot().canned).toBe(before);
    expect((await agent.canned.list()).map((r) => r.shortcut)).toEqual(shortcuts(agent));
  });

  it('catches up after a reconnect with changes made while it was away', async () => {
    const siteId = await demoSiteId();
    const agent = t.agent();
    await agent.connect();
    await agent.canned.list();
    const greeting = agent.canned.search('greeting')[0]!;
    let added: CannedResponse | undefined;
    await t.server.restart(async (app) => {
      added = await app.services.canned.create({
        siteId,
        shortcut: 'while-away',
        title: 'Made while away',
        body: 'x',
        category: null,
      });
      await app.services.canned.remove(greeting.id);
    });

    await waitFor(() => agent.getSnapshot().canned[added!.id], 'the response created while away');
    expect(agent.getSnapshot().canned[greeting.id]).toBeUndefined();
    expect(shortcuts(agent)).toEqual(['follow-up-email', 'refund-policy', 'while-away']);
  });

  it('renders a response for the conversation’s contact and the agent, and sends it', async () => {
    const visitor = t.visitor(undefined, {
      identity: {
        userId: 'user-grace',
        name: 'Grace Hopper',
        email: 'grace@example.com',
        attributes: { plan: 'pro' },
      },
    });
    const first = await visitor.sendMessage('Hello?');
    const agent = t.agent();
    await agent.connect();
    // Nothing listed yet: search only looks at the state.
    expect(agent.canned.search('greeting')).toEqual([]);
    await agent.canned.list();

    const contact = await agent.contact(first.conversationId);
    const context = {
      contact,
      agent: agent.getSnapshot().agent,
      conversation: agent.getSnapshot().conversations[first.conversationId],
    };
    const hello = renderCanned(agent.canned.search('greeting')[0]!.body, context);
    expect(hello).toBe(`Hi Grace, I'm Ada from the Switchboard demo shop. How can I help you today?`);
    expect(renderCanned(agent.canned.search('follow-up-email')[0]!.body, context)).toBe(
      `I'll look into this and write to you at grace@example.com by tomorrow. Your reference is ${first.conversationId}.`,
    );
    // A contact with no name and no email gets the fallbacks.
    const anonymous = { ...context, contact: { ...contact, name: null, email: null } };
    expect(renderCanned(agent.canned.search('greeting')[0]!.body, anonymous)).toMatch(/^Hi there, I'm Ada /);
    expect(renderCanned(agent.canned.search('follow-up-email')[0]!.body, anonymous)).toMatch(
      /write to you at the address on your account by tomorrow/,
    );

    await agent.sendMessage(first.conversationId, hello);
    await waitFor(
      () => visitor.getSnapshot().messages.find((m) => m.authorKind === 'agent' && m.text === hello),
      'the visitor to receive the rendered reply',
    );
  });
});
