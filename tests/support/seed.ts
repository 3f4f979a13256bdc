// Data for the SDK tests, made through the real server's own services: every write is a real
// transaction, and every one fans out to sockets the way a socket or webhook write would.
import { isDeepStrictEqual } from 'node:util';
import type { AgentClient } from '@switchboard/agent-sdk';
import { ulid, type Conversation, type Message } from '@switchboard/protocol';
import { DEMO, hashPasswordSync, type SwitchboardApp } from '@switchboard/server';

/** Who a service call acts for (the server does not export the type; it is what tokens resolve to). */
export type Viewer = Awaited<ReturnType<SwitchboardApp['services']['sessions']['authenticate']>>;

/** A new visitor of the demo site, as if their browser had asked for a session. */
export async function seedVisitor(app: SwitchboardApp): Promise<Viewer> {
  const session = await app.services.sessions.createVisitorSession({ siteKey: DEMO.siteKey }, undefined);
  return app.services.sessions.authenticate(session.token);
}

/** The demo agent, acting without a socket. */
export async function demoAgent(app: SwitchboardApp): Promise<Viewer> {
  const agent = await app.store.agents.byEmail(DEMO.agentEmail);
  if (!agent) throw new Error('the demo agent was not seeded');
  return { kind: 'agent', agentId: agent.id };
}

/** Another agent who can sign in, with capacity for a few conversations; returns their id. */
export async function seedAgent(
  app: SwitchboardApp,
  agent: { email: string; name: string; password: string },
): Promise<string> {
  const created = await app.store.agents.create({
    email: agent.email,
    name: agent.name,
    role: 'agent',
    capacity: 3,
    passwordHash: hashPasswordSync(agent.password),
  });
  return created.id;
}

/**
 * Turns the demo site's queue to the manual strategy, with `memberIds` as members besides the
 * demo agent: new conversations wait there until an agent accepts one, whoever is online.
 */
export async function useManualQueue(
  app: SwitchboardApp,
  memberIds: readonly string[] = [],
): Promise<string> {
  const site = await app.store.sites.byKey(DEMO.siteKey);
  const queue = site && (await app.store.queues.defaultForSite(site.id));
  if (!queue) throw new Error('the demo site and its queue were not seeded');
  await app.store.queues.update(queue.id, { strategy: 'manual' });
  for (const id of memberIds) await app.store.queues.addMember(queue.id, id);
  return queue.id;
}

/** Stores a message (a new clientMessageId each time) and broadcasts it, as the server does. */
export function post(
  app: SwitchboardApp,
  author: Viewer,
  conversationId: string,
  text: string,
  kind: 'text' | 'note' = 'text',
): Promise<Message> {
  const payload = { conversationId, clientMessageId: ulid(), text };
  return app.services.conversations.send(author, author.kind === 'agent' ? { ...payload, kind } : payload);
}

/** A new visitor's conversation holding `texts` from them; the conversation as stored afterwards. */
export async function seedConversation(
  app: SwitchboardApp,
  ...texts: string[]
): Promise<Conversation & { visitor: Viewer }> {
  const visitor = await seedVisitor(app);
  const { id } = await app.services.conversations.start(visitor);
  for (const text of texts) await post(app, visitor, id, text);
  return { ...(await stored(app, id)), visitor };
}

/** The conversation's row as the server holds it now. */
export async function stored(app: SwitchboardApp, conversationId: string): Promise<Conversation> {
  const conversation = await app.store.conversations.byId(conversationId);
  if (!conversation) throw new Error(`no conversation ${conversationId}`);
  return conversation;
}

/** Every stored message of a conversation (notes included), ascending by seq. */
export async function storedMessages(app: SwitchboardApp, conversationId: string): Promise<Message[]> {
  const page = await app.store.messages.history(conversationId, {
    afterSeq: 0,
    limit: 1000,
    includeNotes: true,
  });
  return page.items;
}

/**
 * Whether the agent client holds exactly the server's rows for these conversations. Routing
 * assigns queued conversations on its own as soon as an agent is online, so a test that compares
 * snapshots waits for the client to catch up with it.
 */
export async function inboxMatchesServer(
  app: SwitchboardApp,
  agent: AgentClient,
  conversationIds: readonly string[],
): Promise<boolean> {
  for (const id of conversationIds) {
    if (!isDeepStrictEqual(agent.getSnapshot().conversations[id], await stored(app, id))) return false;
  }
  return true;
}
