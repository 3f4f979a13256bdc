// Channel conversations through the agent SDK, against the real server and a real system on the
// other end of the generic webhook channel: the conversation shows its channel, replies leave
// through the channel and their delivery state follows live (a refused one with its reason), an
// agent starts a conversation on a channel, and channel-only actions fail with clear codes.
import { SwitchboardError, type AgentClient } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useServer } from '../support/sdk-fixture.js';
import { waitFor } from '../support/wait.js';
import { connectWebhookSystem, type WebhookSystem } from '../support/webhook-channel.js';

const t = useServer();
let system: WebhookSystem;

beforeEach(async () => {
  system = await connectWebhookSystem(t.server.url);
});

afterEach(() => system.close());

const deliveryOf = (agent: AgentClient, message: Message) =>
  agent.getSnapshot().messages[message.conversationId]?.find((held) => held.id === message.id)?.delivery;

describe('channels in the agent SDK', () => {
  it('shows a channel conversation, sends through the channel and follows the delivery state live', async () => {
    const { account, received } = system;
    const agent = t.agent();
    await agent.connect();
    expect(await agent.listChannels()).toEqual([
      expect.objectContaining({ id: account.id, channel: 'webhook', name: 'CRM' }),
    ]);

    await system.customerWrites('crm-msg-1', 'My invoice is wrong');
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
    system.answer(422, 'no such customer');
    const refused = await agent.sendMessage(mine.id, 'Are you still there?');
    await waitFor(() => deliveryOf(agent, refused)?.state === 'failed', 'the refused reply to fail');
    expect(deliveryOf(agent, refused)?.error).toMatch(/422.*no such customer/);
  });

  it('catches up on a delivery state that moved on while it was disconnected', async () => {
    const agent = t.agent();
    await agent.connect();
    await system.customerWrites('crm-msg-9', 'Is my refund through?');
    const conversation = await waitFor(
      () => Object.values(agent.getSnapshot().conversations).find((c) => c.channel === 'webhook'),
      'the channel conversation in the inbox',
    );
    if (conversation.assigneeId === null) await agent.accept(conversation.id);
    await agent.loadMessages(conversation.id);
    const reply = await agent.sendMessage(conversation.id, 'Yes, it went out this morning');
    await waitFor(() => deliveryOf(agent, reply)?.state === 'sent', 'the reply to be sent');

    agent.disconnect();
    // The system answered our delivery with no id of its own, so its receipts use ours.
    await system.reportStatus(reply.id, 'read');
    await agent.connect();
    await waitFor(() => deliveryOf(agent, reply)?.state === 'read', 'the read state after reconnecting');
  });

  it('starts a conversation on a channel, and refuses templates where the channel has none', async () => {
    const { account, received } = system;
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
