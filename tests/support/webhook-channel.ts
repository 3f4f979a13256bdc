// The generic webhook channel from the outside, for cross-package tests: a real system on the
// other end (an HTTP server that records our deliveries and answers with a chosen status), the
// account connected through the REST API, and the signed posts the system makes when its user writes.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentSession, ChannelAccount } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';

export interface ReceivedDelivery {
  id: string;
  to: { id: string };
  text: string;
}

export interface WebhookSystem {
  account: ChannelAccount;
  /** Our deliveries, in arrival order. */
  received: ReceivedDelivery[];
  /** What the system answers from now on: 200, or an error status (with a reason). */
  answer(status: number, reason?: string): void;
  /** The system's user `from` writes `text` (a signed post to the account's webhook). */
  customerWrites(id: string, text: string, from?: { id: string; name?: string }): Promise<void>;
  /** The system reports our message `messageId` (the id of our delivery) delivered, read or failed. */
  reportStatus(messageId: string, status: 'delivered' | 'read' | 'failed'): Promise<void>;
  close(): Promise<void>;
}

const SECRET = 'the-crm-and-switchboard-share-this';

export async function connectWebhookSystem(serverUrl: string): Promise<WebhookSystem> {
  const received: ReceivedDelivery[] = [];
  let reply = { status: 200, reason: '' };
  const system = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedDelivery);
      response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.reason);
    });
  });
  await new Promise<void>((resolve) => system.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(system.address() as AddressInfo).port}/inbox`;

  const login = await fetch(`${serverUrl}/v1/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
  });
  const { token } = (await login.json()) as AgentSession;
  const sites = (await (
    await fetch(`${serverUrl}/v1/sites`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { id: string; siteKey: string }[];
  const created = await fetch(`${serverUrl}/v1/channels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      siteId: sites.find((site) => site.siteKey === DEMO.siteKey)?.id,
      channel: 'webhook',
      name: 'CRM',
      config: { secret: SECRET, url },
    }),
  });
  if (created.status !== 201) throw new Error(`connecting the channel failed: ${await created.text()}`);
  const account = (await created.json()) as ChannelAccount;

  return {
    account,
    received,
    answer(status, reason = '') {
      reply = { status, reason };
    },
    customerWrites: (id, text, from = { id: 'crm-42', name: 'Grace' }) =>
      signedPost(JSON.stringify({ type: 'message', id, from, text })),
    reportStatus: (messageId, status) => signedPost(JSON.stringify({ type: 'status', messageId, status })),
    close: () =>
      new Promise((resolve) => {
        system.closeAllConnections();
        system.close(() => resolve());
      }),
  };

  /** What the system posts: signed as docs/channels/webhook.md says. */
  async function signedPost(body: string): Promise<void> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const response = await fetch(`${serverUrl}/v1/channels/${account.id}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchboard-timestamp': timestamp,
        'x-switchboard-signature': `sha256=${signature}`,
      },
      body,
    });
    if (response.status !== 200) throw new Error(`the webhook answered ${response.status}`);
  }
}
