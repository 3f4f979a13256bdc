import type { Conversation, Handoff, HandoffReason } from '@switchboard/protocol';
import { ulid } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { NoAgentPolicy } from './no-agent.js';
import type { RoutingService } from './routing.js';
import type { Viewer } from './viewer.js';

/** The timer that guards against a silent bot (DESIGN.md: never a stuck conversation). */
export const BOT_REPLY_TIMER = 'bot_reply';

export interface HandoffRequestInput {
  reason: Exclude<HandoffReason, 'agent_intervention' | 'bot_timeout'>;
  summary: string;
  queueId?: string;
  skills?: string[];
}

export interface HandoffService {
  /** Bot → queue, with the reason and summary agents will see. */
  request(
    conversationId: string,
    input: HandoffRequestInput,
    actor: { kind: 'bot' | 'visitor'; id: string | null },
    /** `false` when the visitor already left a message for later (the offline form). */
    options?: { tellIfUnavailable?: boolean },
  ): Promise<Conversation>;
  /** The bot failed or stayed silent: the conversation goes to the queue, agents see why. */
  timeOut(conversationId: string, error: string): Promise<void>;
  /** An agent gives the conversation back to the site's bot. */
  handBack(viewer: Viewer, conversationId: string, note: string | null): Promise<Conversation>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  routing: RoutingService;
  noAgent: NoAgentPolicy;
  now: () => number;
}

export function createHandoffService({ store, bus, routing, noAgent, now }: Deps): HandoffService {
  async function targetQueue(conversation: Conversation, queueId: string | undefined) {
    if (queueId) {
      const queue = await store.queues.byId(queueId);
      if (!queue || queue.siteId !== conversation.siteId) throw new AppError('not_found', 'Queue not found');
      return queue.id;
    }
    return conversation.queueId ?? (await store.queues.defaultForSite(conversation.siteId))?.id ?? null;
  }

  /** The one bot → queued transition; returns null when the bot no longer has the conversation. */
  async function leaveBot(
    conversationId: string,
    reason: HandoffReason,
    input: { summary: string; queueId?: string; skills?: string[] },
    actor: { kind: 'bot' | 'visitor' | 'system'; id: string | null },
    type: 'handoff_requested' | 'handoff_timed_out',
    extra: Record<string, string> = {},
  ) {
    const current = await store.conversations.byId(conversationId);
    if (!current) throw AppError.notFound('Conversation');
    if (current.status !== 'bot') return null;
    const queueId = await targetQueue(current, input.queueId);
    const at = now();
    const handoff: Handoff = {
      reason,
      summary: input.summary,
      requestedAt: new Date(at).toISOString(),
      acceptedAt: null,
      targetQueueId: queueId,
      skills: input.skills ?? [],
    };
    const result = await store.conversations.transition({
      conversationId,
      expect: { statuses: ['bot'] },
      set: { status: 'queued', queueId, queuedAt: at, requiredSkills: handoff.skills, handoff },
      event: {
        type,
        actorKind: actor.kind,
        actorId: actor.id,
        data: { reason, summary: input.summary, queueId, ...extra },
      },
    });
    if (!result.ok) return null;
    await store.timers.cancel(BOT_REPLY_TIMER, conversationId);
    return { conversation: result.conversation, handoff };
  }

  /** After the handoff is announced: tell the visitor if nobody can answer, then route. */
  async function afterLeaving(conversation: Conversation, tell = true) {
    if (tell) await noAgent.tellIfUnavailable(conversation);
    if (conversation.queueId) await routing.drain(conversation.queueId);
  }

  return {
    async request(conversationId, input, actor, options = {}) {
      const left = await leaveBot(conversationId, input.reason, input, actor, 'handoff_requested');
      if (!left) {
        const current = await store.conversations.byId(conversationId);
        throw new AppError(
          'bot_muted',
          `The conversation is ${current?.status ?? 'gone'}; the bot no longer has it`,
        );
      }
      bus.publish('handoff.requested', left);
      await afterLeaving(left.conversation, options.tellIfUnavailable ?? true);
      return (await store.conversations.byId(conversationId)) ?? left.conversation;
    },

    async timeOut(conversationId, error) {
      const left = await leaveBot(
        conversationId,
        'bot_timeout',
        { summary: `The bot could not answer: ${error}` },
        { kind: 'system', id: null },
        'handoff_timed_out',
        { error },
      );
      if (!left) return;
      // Agents see the error in the thread (a note the visitor never gets); the visitor is told
      // a person is coming rather than being left with silence.
      for (const message of [
        { kind: 'note' as const, text: `Bot error: ${error}` },
        { kind: 'text' as const, text: 'Let me connect you with someone from our team.' },
      ]) {
        const appended = await store.messages.append({
          conversationId,
          clientMessageId: ulid(),
          authorKind: 'system',
          authorId: null,
          ...message,
        });
        bus.publish('message.created', { message: appended.message, conversation: appended.conversation });
      }
      bus.publish('handoff.timed_out', { ...left, error });
      await afterLeaving(left.conversation);
    },

    async handBack(viewer, conversationId, note) {
      if (viewer.kind !== 'agent')
        throw new AppError('forbidden', 'Only agents can hand a conversation back');
      const current = await store.conversations.byId(conversationId);
      if (!current) throw AppError.notFound('Conversation');
      const site = await store.sites.byId(current.siteId);
      if (!site?.bot) throw new AppError('conflict', 'This site has no bot to hand the conversation back to');
      const result = await store.conversations.transition({
        conversationId,
        expect: { statuses: ['active', 'pending'], assigneeId: current.assigneeId },
        set: {
          status: 'bot',
          assigneeId: null,
          assignedAt: null,
          queuedAt: null,
          handoff: null,
          requiredSkills: [],
        },
        event: {
          type: 'handoff_returned',
          actorKind: 'agent',
          actorId: viewer.agentId,
          data: { fromAgentId: current.assigneeId, note },
        },
      });
      if (!result.ok) {
        throw result.reason === 'not_found'
          ? AppError.notFound('Conversation')
          : new AppError(
              'conflict',
              `Only a conversation an agent owns can go back to the bot (it is ${result.current?.status ?? 'gone'})`,
            );
      }
      // A fresh start for the bot: no fallback count or half-collected fields from before.
      await store.conversations.setBotState(conversationId, null);
      bus.publish('handoff.returned', { conversation: result.conversation, agentId: viewer.agentId, note });
      if (current.assigneeId) await routing.drainForAgent(current.assigneeId);
      return result.conversation;
    },
  };
}
