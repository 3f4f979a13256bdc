// Channel conversations through the agent SDK, against the real server and a real system on the
// other end of the generic webhook channel: the conversation shows its channel, replies leave
// through the channel and their delivery state follows live (a refused one with its reason), an
// agent starts a conversation on a channel, and channel-only actions fail with clear codes.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchboardError, type AgentClient } from '@switchboard/agent-sdk';
import type { AgentSession, ChannelAccount, Message } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const SECRET = 'the-crm-and-switchboard-share-this';

interface Received {
  to: { id: string };
  text: string;
}

/** The system on the other end: records our deliveries and answers with `status`. */
let received: Received[];
let status: number;
let system: Server;
let systemUrl: string;

beforeEach(async () => {
  received = [];
  status = 200;
  system = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received);
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? '' : 'no such customer');
    });
  });
  await new Promise<void>((resolve) => system.listen(0, '127.0.0.1', resolve));
  systemUrl = `http://127.0.0.1:${(system.address() as AddressInfo).port}/inbox`;
});

afterEach(async () => {
  system.closeAllConnections();
  await new Promise((resolve) => system.close(resolve));
});

async function connectWebhookChannel(): Promise<ChannelAccount> {
  const login = await fetch(`${t.server.url}/v1/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
  });
  const { token } = (await login.json()) as AgentSession;
  const site = await t.server.switchboard.store.sites.byKey(DEMO.siteKey);
  const created = await fetch(`${t.server.url}/v1/channels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      siteId: site?.id,
      channel: 'webhook',
      name: 'CRM',
      config: { secret: SECRET, url: systemUrl },
    }),
  });
  expect(created.status).toBe(201);
  return (await created.json()) as ChannelAccount;
}

/** What the CRM posts when its user writes: signed as docs/channels/webhook.md says. */
async function customerWrites(account: ChannelAccount, id: string, text: string): Promise<void> {
  const body = JSON.stringify({ type: 'message', id, from: { id: 'crm-42', name: 'Grace' }, text });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
  const response = await fetch(
    account.webhookUrl.startsWith('http') ? account.webhookUrl : `${t.server.url}${account.webhookUrl}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchboard-timestamp': timestamp,
        'x-switchboard-signature': `sha256=${signature}`,
      },
      body,
    },
  );
  expect(response.status).toBe(200);
}

const deliveryOf = (agent: AgentClient, message: Message) =>
  agent.getSnapshot().messages[message.conversationId]?.find((held) => held.id === message.id)?.delivery;

describe('channels in the agent SDK', () => {
  it('shows a channel conversation, sends through the channel and follows the delivery state live', async () => {
    const account = await connectWebhookChannel();
    const agent = t.agent();
    await agent.connect();
    expect(await agent.listChannels()).toEqual([
      expect.objectContaining({ id: account.id, channel: 'webhook', name: 'CRM' }),
    ]);

    await customerWrites(account, 'crm-msg-1', 'My invoice is wrong');
    const conversation = await waitFor(
      () => Object.values(agent.getSnapshot().conversations).find((c) => c.channel === 'webhook'),
      'the channel conversation in the inbox',
    );
    expect(conversation.channelAccountId).toBe(account.id);
    const mine = conversation.assigneeId === null ? await agent.accept(conversation.id) : conversation;
    await agent.loadMessages(mine.id);

    const updates: Message[] = [];
    agent.on('message:updated', (message) => updates.push(message));
    const sent = await agent.sendMessage(mine.id, 'Sorry about that, fixing it now');
    expect(sent.delivery?.state).toBe('pending');
    await waitFor(() => deliveryOf(agent, sent)?.state === 'sent', 'the reply to be sent');
    expect(received.at(-1)).toMatchObject({ to: { id: 'crm-42' }, text: 'Sorry about that, fixing it now' });
    expect(updates.map((message) => message.delivery?.state)).toContain('sent');

    // The system refuses the next one for good: the agent sees it failed, and why.
    status = 422;
    const refused = await agent.sendMessage(mine.id, 'Are you still there?');
    await waitFor(() => deliveryOf(agent, refused)?.state === 'failed', 'the refused reply to fail');
    expect(deliveryOf(agent, refused)?.error).toMatch(/422.*no such customer/);
  });

  it('starts a conversation on a channel, and refuses templates where the channel has none', async () => {
    const account = await connectWebhookChannel();
    const agent = t.agent();
    await agent.connect();
    const { conversation, message } = await agent.startConversation({
      channelAccountId: account.id,
      to: 'crm-7',
      name: 'Katherine',
      text: 'Your replacement has shipped',
    });
    expect(conversation).toMatchObject({
      channel: 'webhook',
      status: 'active',
      assigneeId: agent.getSnapshot().agent?.id,
    });
    expect(agent.getSnapshot().conversations[conversation.id]).toBeDefined();
    await waitFor(() => received.find((r) => r.to.id === 'crm-7'), 'the first message at the system');
    expect(message.text).toBe('Your replacement has shipped');
    const contact = await agent.getContact(conversation.contactId);
    expect(contact.name).toBe('Katherine');

    expect(await agent.listTemplates(account.id)).toEqual([]);
    const error = await agent
      .sendTemplate(conversation.id, { name: 'hello', language: 'en', parameters: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('invalid_payload');
  });
});
