// Acceptance, end to end through the SDK: the built-in rules bot answers, the visitor asks for a
// person, an agent takes over (the bot goes quiet) and hands back (the bot speaks again).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentClient, HandoffRequestedEvent, VisitorClient } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { agentClient, visitorClient } from '../support/clients.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

let server: TestServer;
let ada: AgentClient;
let visitor: VisitorClient;

beforeEach(async () => {
  server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
  ada = agentClient(server.url);
  visitor = visitorClient(server.url);
});
afterEach(async () => {
  visitor.disconnect();
  ada.disconnect();
  await server.close();
});

const botMessages = () => visitor.getSnapshot().messages.filter((m) => m.authorKind === 'bot');

/** Sends as the visitor and waits for the bot's next message. */
async function ask(text: string): Promise<Message> {
  const before = botMessages().length;
  await visitor.sendMessage(text);
  return waitFor(() => botMessages()[before], `the bot's answer to "${text}"`);
}

/** Waits until the bot has certainly had its turn, then says whether it answered. */
async function botStaysSilentAfter(text: string): Promise<boolean> {
  const before = botMessages().length;
  const sent = await visitor.sendMessage(text);
  await waitFor(
    () => ada.getSnapshot().messages[sent.conversationId]?.some((m) => m.id === sent.id),
    'the agent to see it',
  );
  await server.switchboard.services.bots.idle();
  return botMessages().length === before;
}

describe('bot-to-human handoff', () => {
  it('bot answers, visitor asks for a person, agent takes over, bot stays silent, agent hands back, bot answers', async () => {
    await ada.connect();
    // Ada is away, so the handed-off chat waits in the queue for her to accept it.
    await ada.setStatus('away');

    const greeting = await ask('Hello!');
    expect(greeting.text).toMatch(/assistant/i);
    expect(greeting.quickReplies.map((q) => q.label)).toEqual(
      expect.arrayContaining(['Shipping', 'Returns', 'Talk to a human']),
    );
    const conversationId = greeting.conversationId;
    expect(visitor.getSnapshot().conversation?.status).toBe('bot');

    const faq = await ask('How do returns work?');
    expect(faq.text).toMatch(/Returns are free for 60 days/);

    const requested = new Promise<HandoffRequestedEvent>((resolve) => ada.on('handoff:requested', resolve));
    const emailPrompt = await ask('Talk to a human');
    expect(emailPrompt.text).toMatch(/email/i);
    const handingOff = await ask('ada@example.com');
    expect(handingOff.quickReplies).toEqual([]);

    const { conversation, handoff } = await requested;
    expect(conversation.id).toBe(conversationId);
    expect(handoff.reason).toBe('visitor_request');
    expect(handoff.summary).toMatch(/returns/i);
    expect(handoff.summary).toContain('ada@example.com');
    await waitFor(
      () => ada.getSnapshot().conversations[conversationId]?.status === 'queued',
      'Ada to see it queued',
    );
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'queued',
      'the visitor to see it queued',
    );
    const contact = await ada.contact(conversationId);
    expect(contact.email).toBe('ada@example.com');

    // The whole bot transcript is there for the agent.
    await ada.loadMessages(conversationId);
    const transcript = ada.getSnapshot().messages[conversationId]?.map((m) => m.text) ?? [];
    expect(transcript).toEqual(expect.arrayContaining(['Hello!', 'How do returns work?', faq.text]));

    const accepted = new Promise<string>((resolve) =>
      ada.on('handoff:accepted', (event) => resolve(event.agentId)),
    );
    const taken = await ada.accept(conversationId);
    expect(taken).toMatchObject({ status: 'active', assigneeId: ada.getSnapshot().agent?.id });
    expect(taken.handoff?.acceptedAt).not.toBeNull();
    expect(await accepted).toBe(ada.getSnapshot().agent?.id);

    expect(await botStaysSilentAfter('How long does shipping take?')).toBe(true);
    await ada.sendMessage(conversationId, 'Hi, Ada here. Let me look at your return.');
    await waitFor(
      () => visitor.getSnapshot().messages.some((m) => m.authorKind === 'agent'),
      'the visitor to hear from Ada',
    );
    expect(await botStaysSilentAfter('Hello?')).toBe(true);

    const returned = await ada.handBack(conversationId, 'Return label sent');
    expect(returned).toMatchObject({ status: 'bot', assigneeId: null, handoff: null });
    await waitFor(
      () => visitor.getSnapshot().conversation?.status === 'bot',
      'the visitor to see the bot back',
    );
    const again = await ask('How long does shipping take?');
    expect(again.text).toMatch(/We ship within one business day/);
  });
});
