// What every channel's integration test needs beside the server harness: connect an account as
// the demo admin, post raw deliveries to its webhook, and wait for the pipeline to catch up.
import {
  ulid,
  type BridgedChannel,
  type ChannelAccount,
  type Conversation,
  type Message,
  type MessageDeliveryState,
  type MessagePage,
} from '@switchboard/protocol';
import type { AgentSocket, Harness } from '../../test-support/harness.js';

export interface ChannelTestKit {
  account: ChannelAccount;
  adminToken: string;
  /** POSTs these exact bytes to the account's webhook. */
  deliver(
    body: string | Uint8Array,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: string }>;
  /** Runs the inbox and outbox until idle. */
  flush(): Promise<void>;
  /** The account's conversations (newest first), as agents list them. */
  conversations(): Promise<Conversation[]>;
  /** A conversation's messages, oldest first, notes included. */
  messages(conversationId: string): Promise<Message[]>;
  /** Runs the workers until the message's delivery is `state`; the message then. */
  deliveryReaches(conversationId: string, messageId: string, state: MessageDeliveryState): Promise<Message>;
}

export async function connectChannel(
  harness: Harness,
  channel: BridgedChannel,
  config: Record<string, unknown>,
): Promise<ChannelTestKit> {
  const { token: adminToken } = await harness.agentSession();
  const sites = await harness.switchboard.store.sites.list();
  const created = await harness.send<ChannelAccount>(
    'POST',
    '/v1/channels',
    { siteId: sites[0]?.id, channel, name: `Test ${channel}`, config },
    adminToken,
  );
  if (created.status !== 201)
    throw new Error(`connecting ${channel} failed: ${JSON.stringify(created.body)}`);
  const account = created.body;
  async function messages(conversationId: string): Promise<Message[]> {
    const { body } = await harness.get<MessagePage>(
      `/v1/conversations/${conversationId}/messages?limit=100`,
      adminToken,
    );
    return body.items;
  }

  return {
    account,
    adminToken,
    async deliver(body, headers) {
      const response = await fetch(`${harness.url}/v1/channels/${account.id}/webhook`, {
        method: 'POST',
        headers,
        body,
      });
      const text = await response.text();
      await harness.switchboard.services.channels.flush();
      return { status: response.status, body: text };
    },
    flush: () => harness.switchboard.services.channels.flush(),
    async conversations() {
      const { body } = await harness.get<{ items: Conversation[] }>(
        `/v1/conversations?view=all&channel=${channel}&limit=100`,
        adminToken,
      );
      return body.items.filter((conversation) => conversation.channelAccountId === account.id);
    },
    async deliveryReaches(conversationId, messageId, state) {
      return eventually(async () => {
        await harness.switchboard.services.channels.flush();
        const found = (await messages(conversationId)).find((message) => message.id === messageId);
        return found?.delivery?.state === state ? found : undefined;
      });
    },
    messages,
  };
}

/** An agent's reply in a conversation, as the server stored it (it throws if the send is refused). */
export async function agentReplies(
  agent: AgentSocket,
  conversationId: string,
  text: string,
): Promise<Message> {
  const ack = await agent.emitWithAck('message:send', { conversationId, clientMessageId: ulid(), text });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

/** Polls `check` until it returns something other than undefined (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
