// WhatsApp's 24-hour window through the agent SDK, against the real server and a local stand-in
// for Meta's Graph API: an agent starts a conversation with an approved template, a free-form
// message is refused while the customer has not written, and templates are listed and sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchboardError } from '@switchboard/agent-sdk';
import type { AgentSession, ChannelAccount } from '@switchboard/protocol';
import { DEMO } from '@switchboard/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';

const t = useServer();
const TEMPLATE = {
  name: 'order_update',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' }],
};

/** What the Graph API was sent: `POST /v21.0/<phone number id>/messages` bodies. */
let sent: Record<string, unknown>[];
let graph: Server;
let graphUrl: string;

beforeEach(async () => {
  sent = [];
  graph = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const json = (body: unknown) =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.method === 'GET' && request.url?.startsWith('/v21.0/2002/message_templates'))
        return json({ data: [TEMPLATE] });
      if (request.method === 'POST' && request.url === '/v21.0/1001/messages') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        sent.push(body);
        return json({
          messaging_product: 'whatsapp',
          contacts: [{ input: body['to'], wa_id: body['to'] }],
          messages: [{ id: `wamid.${sent.length}` }],
        });
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
  graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
});

afterEach(async () => {
  graph.closeAllConnections();
  await new Promise((resolve) => graph.close(resolve));
});

async function connectWhatsApp(): Promise<ChannelAccount> {
  const login = await fetch(`${t.server.url}/v1/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.agentEmail, password: DEMO.agentPassword }),
  });
  const { token } = (await login.json()) as AgentSession;
  const site = await t.server.switchboard.store.sites.byKey(DEMO.siteKey);
  const config = {
    appSecret: 'app-secret-123',
    verifyToken: 'verify-token-123',
    accessToken: 'access-token-123',
    phoneNumberId: '1001',
    wabaId: '2002',
    graphBaseUrl: graphUrl,
  };
  const created = await fetch(`${t.server.url}/v1/channels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ siteId: site?.id, channel: 'whatsapp', name: 'Support WhatsApp', config }),
  });
  return (await created.json()) as ChannelAccount;
}

describe('WhatsApp templates in the agent SDK', () => {
  it('starts a conversation with a template, refuses free text outside the window, sends templates', async () => {
    const account = await connectWhatsApp();
    const agent = t.agent();
    await agent.connect();

    expect(await agent.listTemplates(account.id)).toEqual([
      {
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        body: TEMPLATE.components[0]?.text,
        parameterCount: 2,
      },
    ]);

    // Nobody may be written to first with free text on WhatsApp.
    const refused = await agent
      .startConversation({ channelAccountId: account.id, to: '+49 151 2345 6789', text: 'Hello!' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SwitchboardError);
    expect((refused as SwitchboardError).code).toBe('channel_window_closed');
    expect(sent).toEqual([]);

    const { conversation, message } = await agent.startConversation({
      channelAccountId: account.id,
      to: '+49 151 2345 6789',
      name: 'Ada',
      template: { name: 'order_update', language: 'en_US', parameters: ['Ada', '#1042'] },
    });
    expect(conversation).toMatchObject({
      channel: 'whatsapp',
      status: 'active',
      assigneeId: agent.getSnapshot().agent?.id,
    });
    expect(message.text).toBe('Hi Ada, your order #1042 has shipped.');
    await waitFor(() => sent.length === 1, 'the template at the Graph API');
    expect(sent[0]).toMatchObject({
      messaging_product: 'whatsapp',
      to: '4915123456789',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'text', text: '#1042' },
            ],
          },
        ],
      },
    });

    // In the conversation, still outside the window: free text refused, a template sent.
    const again = await agent.sendMessage(conversation.id, 'Did it arrive?').catch((error: unknown) => error);
    expect((again as SwitchboardError).code).toBe('channel_window_closed');
    const followUp = await agent.sendTemplate(conversation.id, {
      name: 'order_update',
      language: 'en_US',
      parameters: ['Ada', '#1043'],
    });
    expect(followUp.text).toBe('Hi Ada, your order #1043 has shipped.');
    await waitFor(
      () =>
        agent.getSnapshot().messages[conversation.id]?.find((m) => m.id === followUp.id)?.delivery?.state ===
        'sent',
      'the follow-up to be sent',
    );
    const wrongCount = await agent
      .sendTemplate(conversation.id, { name: 'order_update', language: 'en_US', parameters: ['Ada'] })
      .catch((error: unknown) => error);
    expect((wrongCount as SwitchboardError).code).toBe('invalid_payload');
  });
});
