// The SDK's two browser entries for visitors, over the lite socket against the real server:
// `visitor-lite` imports the engine on first need, `visitor-lite-eager` (what the widget's
// script-tag build bundles) has it bundled in. Both must behave alike: idle until the visitor
// writes, then one session, one conversation and the message delivered once.
import * as lazyEntry from '@switchboard/agent-sdk/visitor-lite';
import * as eagerEntry from '@switchboard/agent-sdk/visitor-lite-eager';
import { DEMO } from '@switchboard/server';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { memoryStorage } from '../support/clients.js';
import { useServer } from '../support/sdk-fixture.js';
import { storedMessages } from '../support/seed.js';

const t = useServer();
// Node 20 has no WebSocket of its own; `ws` has the browser's API.
const connector = lazyEntry.liteConnector({ WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });

it('exports the same names from both entries', () => {
  expect(Object.keys(eagerEntry).sort()).toEqual(Object.keys(lazyEntry).sort());
});

describe.each([
  ['visitor-lite', lazyEntry.createVisitorClient],
  ['visitor-lite-eager', eagerEntry.createVisitorClient],
])('createVisitorClient from %s', (_entry, createVisitorClient) => {
  it('stays idle until the visitor writes, then delivers the message once', async () => {
    const storage = memoryStorage();
    const visitor = createVisitorClient({
      serverUrl: t.server.url,
      siteKey: DEMO.siteKey,
      storage,
      connector,
    });
    try {
      await visitor.connect();
      expect(visitor.getSnapshot().connection).toBe('idle');
      expect(t.server.requests).toEqual([]);
      expect(storage.writes).toEqual([]);

      const message = await visitor.sendMessage('Hello over the lite socket');
      expect(visitor.getSnapshot()).toMatchObject({ connection: 'connected', pending: [] });
      expect(await storedMessages(t.server.switchboard, message.conversationId)).toEqual([message]);
    } finally {
      visitor.disconnect();
    }
  });
});
