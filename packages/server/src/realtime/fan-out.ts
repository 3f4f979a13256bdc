import type { Conversation } from '@switchboard/protocol';
import type { SdkBotHub } from '../bots/sdk/hub.js';
import type { EventBus } from '../domain/events.js';
import { forVisitor } from '../services/visitor-view.js';
import type { AgentNamespace, VisitorNamespace } from './namespaces.js';
import { AGENTS_ROOM, agentRoom, conversationRoom } from './rooms.js';

/** Domain events (published after commit) → socket events in the right rooms. */
export function fanOut(
  bus: EventBus,
  visitors: VisitorNamespace,
  agents: AgentNamespace,
  bots: SdkBotHub,
): void {
  const toAgents = agents.to(AGENTS_ROOM);
  const toVisitorsOf = (conversationId: string) => visitors.to(conversationRoom(conversationId));
  // Visitors get the conversation without agents' tags and labels.
  const updateVisitors = (conversation: Conversation) =>
    toVisitorsOf(conversation.id).emit('conversation:updated', forVisitor(conversation));

  bus.subscribe('message.created', ({ message }) => {
    toAgents.emit('message:created', message);
    if (message.kind !== 'note') toVisitorsOf(message.conversationId).emit('message:created', message);
  });
  // Delivery states of channel messages are agents' news: channel contacts have no socket.
  bus.subscribe('message.updated', ({ message }) => toAgents.emit('message:updated', message));
  bus.subscribe('conversation.created', ({ conversation }) =>
    toAgents.emit('conversation:created', conversation),
  );
  bus.subscribe('conversation.updated', ({ conversation }) => {
    toAgents.emit('conversation:updated', conversation);
    updateVisitors(conversation);
  });
  // Agents get one specific event per change (it carries the conversation); visitors only need
  // to know their conversation's new state.
  bus.subscribe('conversation.assigned', (event) => {
    toAgents.emit('conversation:assigned', event);
    updateVisitors(event.conversation);
  });
  bus.subscribe('conversation.transferred', (event) => {
    toAgents.emit('conversation:transferred', event);
    updateVisitors(event.conversation);
  });
  bus.subscribe('conversation.resolved', (event) => {
    toAgents.emit('conversation:resolved', event);
    updateVisitors(event.conversation);
  });
  // The visitor's other tabs learn of the rating too, so none of them asks for it again.
  bus.subscribe('conversation.rated', (event) => {
    toAgents.emit('conversation:rated', event);
    updateVisitors(event.conversation);
  });
  // Handoffs: agents get the typed event; the visitor sees the new status; a bot that was
  // handed a conversation back hears about it.
  bus.subscribe('handoff.requested', (event) => {
    toAgents.emit('handoff:requested', event);
    updateVisitors(event.conversation);
  });
  bus.subscribe('handoff.accepted', (event) => toAgents.emit('handoff:accepted', event));
  bus.subscribe('handoff.timed_out', (event) => {
    toAgents.emit('handoff:timed_out', event);
    updateVisitors(event.conversation);
  });
  bus.subscribe('handoff.returned', (event) => {
    toAgents.emit('handoff:returned', event);
    updateVisitors(event.conversation);
    bots.returned(event.conversation.siteId, { conversation: event.conversation, note: event.note });
  });
  bus.subscribe('contact.updated', ({ contact }) => toAgents.emit('contact:updated', contact));
  // Tags and labels are agents' business: the visitor is not even told that something changed.
  bus.subscribe('conversation.annotated', ({ conversation }) =>
    toAgents.emit('conversation:updated', conversation),
  );
  bus.subscribe('label.created', ({ label }) => toAgents.emit('label:created', label));
  bus.subscribe('label.updated', ({ label }) => toAgents.emit('label:updated', label));
  // A mention is for the mentioned agent's consoles only.
  bus.subscribe('mention.created', ({ mention }) =>
    agents.to(agentRoom(mention.agentId)).emit('mention:created', mention),
  );
  bus.subscribe('mentions.read', ({ agentId, mentionIds, readAt }) =>
    agents.to(agentRoom(agentId)).emit('mentions:read', { mentionIds, readAt }),
  );
  // Typing: each side hears the other. Agents also hear each other (the SDK ignores its own
  // echo); the bot's typing is for the visitor only.
  bus.subscribe('conversation.typing', ({ conversationId, typing, who }) => {
    if (who.kind === 'visitor') {
      toAgents.emit('typing', { conversationId, who: 'visitor', typing });
      return;
    }
    const name = who.kind === 'agent' ? who.name : undefined;
    toVisitorsOf(conversationId).emit('typing', { conversationId, who: who.kind, name, typing });
    if (who.kind === 'agent')
      toAgents.emit('typing', { conversationId, who: 'agent', agentId: who.agentId, typing });
  });
  // Every agent sees every receipt; the visitor only needs to know what agents have read.
  bus.subscribe('conversation.read', (receipt) => {
    toAgents.emit('conversation:read', receipt);
    if (receipt.reader === 'agent') toVisitorsOf(receipt.conversationId).emit('conversation:read', receipt);
  });
  // Delivery receipts as read receipts: every agent hears each (their snapshots carry both sides'
  // marks); the visitor only what an agent's console or the bot received.
  bus.subscribe('conversation.delivered', (receipt) => {
    toAgents.emit('conversation:delivered', receipt);
    if (receipt.recipient === 'agent')
      toVisitorsOf(receipt.conversationId).emit('conversation:delivered', receipt);
  });
  // Agents see every site, so every console hears of every change (the response names its site).
  bus.subscribe('canned.changed', (event) => toAgents.emit('canned:changed', event));
  bus.subscribe('agent.status_changed', ({ agent }) => toAgents.emit('agent:status_changed', agent));
  bus.subscribe('queue.changed', ({ queueId, waiting, positions }) => {
    toAgents.emit('queue:updated', { queueId, waiting });
    for (const position of positions) toVisitorsOf(position.conversationId).emit('queue:position', position);
  });
}
