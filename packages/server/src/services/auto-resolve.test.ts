// Persisted timers: an auto-resolve armed before a restart still fires after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ulid, type Conversation } from '@switchboard/protocol';
import { io } from 'socket.io-client';
import { createApp, type SwitchboardApp } from '../app.js';
import { loadConfig } from '../config.js';
import { silentLogger } from '../lib/logger.js';
import { DEMO } from './demo-seed.js';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<{ app: SwitchboardApp; url: string }> {
  const config = loadConfig({
    PORT: '0',
    SWITCHBOARD_DATABASE_PATH: join(dir, 'restart.sqlite'),
    SWITCHBOARD_SERVE_EXAMPLES: 'false',
    // Most tests are about the queue; bot tests turn the demo bot on.
    SWITCHBOARD_DEMO_BOT: 'false',
    SWITCHBOARD_AUTO_RESOLVE_AFTER: '2',
    SWITCHBOARD_TIMER_POLL_MS: '50',
  });
  const app = await createApp({ config, logger: silentLogger, staticRoots: null });
  return { app, url: (await app.listen()).url };
}

const post = async <T>(url: string, body: unknown) =>
  (await (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json()) as T;

describe('auto-resolve', () => {
  it('resolves an inactive conversation after 2 s even though the server restarted in between', async () => {
    const first = await start();
    const agent = await post<{ token: string; agent: { id: string } }>(`${first.url}/v1/agent/sessions`, {
      email: DEMO.agentEmail,
      password: DEMO.agentPassword,
    });
    const agentSocket = io(`${first.url}/agent`, { auth: { token: agent.token }, transports: ['websocket'] });
    await new Promise((resolve) => agentSocket.once('connect', () => resolve(null)));
    const visitor = await post<{ token: string }>(`${first.url}/v1/visitor/sessions`, {
      siteKey: DEMO.siteKey,
    });
    const visitorSocket = io(`${first.url}/visitor`, {
      auth: { token: visitor.token },
      transports: ['websocket'],
    });
    const started = (await visitorSocket.emitWithAck('conversation:start', {})) as {
      ok: true;
      data: Conversation;
    };
    const conversationId = started.data.id;
    await visitorSocket.emitWithAck('message:send', {
      conversationId,
      clientMessageId: ulid(),
      text: 'hello?',
    });
    // The demo agent came online when their socket connected, so routing gave them the conversation.
    await expect
      .poll(async () => (await first.app.store.conversations.byId(conversationId))?.status)
      .toBe('active');
    agentSocket.disconnect();
    visitorSocket.disconnect();
    await first.app.close();

    const second = await start();
    try {
      await expect
        .poll(async () => (await second.app.store.conversations.byId(conversationId))?.status, {
          timeout: 5000,
        })
        .toBe('resolved');
      const conversation = await second.app.store.conversations.byId(conversationId);
      expect(conversation?.resolveReason).toBe('customer_not_responding');
      const resolved = (await second.app.store.timeline.list(conversationId)).filter(
        (e) => e.type === 'resolved',
      );
      expect(resolved).toHaveLength(1);
      expect(resolved[0]).toMatchObject({ actorKind: 'system', fromStatus: 'active', toStatus: 'resolved' });
    } finally {
      await second.app.close();
    }
  });
});
