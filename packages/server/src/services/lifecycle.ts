import type {
  AssignPayload,
  Conversation,
  ConversationStatus,
  ResolvePayload,
  SetPriorityPayload,
  TransferPayload,
} from '@switchboard/protocol';
import type { Store, TransitionRequest, TransitionResult } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { statusesLeadingTo } from '../domain/lifecycle.js';
import { AppError } from '../lib/app-error.js';
import { announceAssignment } from './assignment.js';
import type { RoutingService } from './routing.js';
import type { Viewer } from './viewer.js';

export interface LifecycleService {
  accept(viewer: Viewer, conversationId: string): Promise<Conversation>;
  assign(viewer: Viewer, payload: AssignPayload): Promise<Conversation>;
  transfer(viewer: Viewer, payload: TransferPayload): Promise<Conversation>;
  resolve(viewer: Viewer, payload: ResolvePayload): Promise<Conversation>;
  reopen(viewer: Viewer, conversationId: string): Promise<Conversation>;
  setPriority(viewer: Viewer, payload: SetPriorityPayload): Promise<Conversation>;
  /**
   * The customer wrote into a resolved or abandoned conversation: back to the site's bot when it
   * has one (which then answers that message), else back to its queue.
   */
  reopenForCustomer(conversation: Conversation): Promise<Conversation>;
  /** Timers: resolve after inactivity (if still in one of `statuses`); abandon a queued visitor who left. */
  autoResolve(
    conversationId: string,
    inactiveForMs: number,
    statuses: readonly ConversationStatus[],
  ): Promise<void>;
  abandon(conversationId: string): Promise<void>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  routing: RoutingService;
  now: () => number;
}

function agentOf(viewer: Viewer): string {
  if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents can do that');
  return viewer.agentId;
}

export function createLifecycleService({ store, bus, routing, now }: Deps): LifecycleService {
  /** Runs a transition and turns a refusal into the error the client should see. */
  /**
   * Runs a transition and turns a refusal into the error the client should see. The caller
   * announces the change: with a specific event (assigned, transferred, resolved) when there is
   * one, else as `conversation.updated`. One event per change keeps the fan-out small.
   */
  async function apply(
    request: TransitionRequest,
    refuse: (result: Exclude<TransitionResult, { ok: true }>) => AppError,
  ) {
    const result = await store.conversations.transition(request);
    if (!result.ok) throw refuse(result);
    return result;
  }

  const notFound = () => AppError.notFound('Conversation');

  /** Capacity freed or the backlog changed: let routing look again at what was touched. */
  async function reroute(...conversations: Conversation[]) {
    const queues = new Set(conversations.map((c) => c.queueId).filter((id): id is string => id !== null));
    const agents = new Set(conversations.map((c) => c.assigneeId).filter((id): id is string => id !== null));
    await Promise.all([
      ...[...queues].map((q) => routing.drain(q)),
      ...[...agents].map((a) => routing.drainForAgent(a)),
    ]);
  }

  async function claim(viewer: Viewer, conversationId: string, agentId: string, via: 'accept' | 'assign') {
    const actorId = agentOf(viewer);
    if (!(await store.agents.byId(agentId))) throw new AppError('not_found', 'Agent not found');
    const current = await store.conversations.byId(conversationId);
    if (!current) throw notFound();
    // Taking a conversation straight from the bot is an intervention: a handoff requested and
    // accepted at once, in the same transaction as the assignment, so the bot is muted at once.
    const intervening = current.status === 'bot';
    const at = now();
    const result = await apply(
      {
        conversationId,
        expect: { statuses: intervening ? ['bot'] : ['queued'], assigneeId: null },
        set: {
          status: 'active',
          assigneeId: agentId,
          assignedAt: at,
          ...(intervening && {
            handoff: {
              reason: 'agent_intervention',
              summary: `${via === 'accept' ? 'An agent' : 'An agent assigned someone who'} took over from the bot`,
              requestedAt: new Date(at).toISOString(),
              acceptedAt: new Date(at).toISOString(),
              targetQueueId: current.queueId,
              skills: [],
            },
          }),
        },
        assignTo: agentId,
        acceptHandoff: true,
        event: {
          type: 'assigned',
          actorKind: 'agent',
          actorId,
          data: { agentId, via, intervention: intervening },
        },
      },
      (result) => {
        if (result.reason === 'not_found') return notFound();
        if (result.reason === 'capacity')
          return new AppError('conflict', `${via === 'accept' ? 'You are' : 'That agent is'} at capacity`);
        return result.current?.assigneeId
          ? new AppError('already_assigned', 'Another agent already took this conversation')
          : new AppError('conflict', `The conversation is ${result.current?.status ?? 'gone'}`);
      },
    );
    if (intervening && result.conversation.handoff) {
      bus.publish('handoff.requested', {
        conversation: result.conversation,
        handoff: result.conversation.handoff,
      });
    }
    announceAssignment(bus, result, agentId);
    await reroute(result.previous);
    return result.conversation;
  }

  async function resolveAs(
    conversationId: string,
    actor: { kind: 'agent' | 'system'; id: string | null },
    reason: ResolvePayload['reason'],
    note: string | null,
    extraPrecondition?: (c: Conversation) => boolean,
  ) {
    const current = await store.conversations.byId(conversationId);
    if (!current) throw notFound();
    if (extraPrecondition && !extraPrecondition(current)) return current;
    const { conversation, previous } = await apply(
      {
        conversationId,
        expect: { statuses: statusesLeadingTo('resolved'), assigneeId: current.assigneeId },
        set: { status: 'resolved', resolvedAt: now(), resolveReason: reason },
        event: { type: 'resolved', actorKind: actor.kind, actorId: actor.id, data: { reason, note } },
      },
      (result) =>
        result.reason === 'not_found'
          ? notFound()
          : new AppError('conflict', `The conversation is ${result.current?.status ?? 'gone'}`),
    );
    await store.timers.cancel('auto_resolve', conversationId);
    bus.publish('conversation.resolved', { conversation, reason, note });
    await reroute(previous);
    return conversation;
  }

  async function requeue(
    conversation: Conversation,
    actor: { kind: 'agent' | 'visitor'; id: string },
    type: 'reopened' | 'transferred',
    from: readonly ConversationStatus[],
    queueId: string | null,
    data: Record<string, string | null>,
  ) {
    const targetQueue =
      queueId ?? conversation.queueId ?? (await store.queues.defaultForSite(conversation.siteId))?.id ?? null;
    const result = await apply(
      {
        conversationId: conversation.id,
        expect: { statuses: from, assigneeId: conversation.assigneeId },
        set: {
          status: 'queued',
          assigneeId: null,
          queueId: targetQueue,
          queuedAt: now(),
          assignedAt: null,
          resolvedAt: null,
          resolveReason: null,
        },
        event: { type, actorKind: actor.kind, actorId: actor.id, data: { ...data, queueId: targetQueue } },
      },
      (r) =>
        r.reason === 'not_found'
          ? notFound()
          : new AppError('conflict', `The conversation is ${r.current?.status ?? 'gone'}; try again`),
    );
    // Announce before rerouting, so that an immediate re-assignment is heard after it.
    if (type === 'reopened') bus.publish('conversation.updated', { conversation: result.conversation });
    else
      bus.publish('conversation.transferred', {
        conversation: result.conversation,
        fromAgentId: conversation.assigneeId,
        toAgentId: null,
        toQueueId: targetQueue,
        note: data.note ?? null,
      });
    await reroute(result.previous, result.conversation);
    return result;
  }

  return {
    accept: (viewer, conversationId) => claim(viewer, conversationId, agentOf(viewer), 'accept'),

    assign: (viewer, { conversationId, agentId }) => claim(viewer, conversationId, agentId, 'assign'),

    async transfer(viewer, { conversationId, to, note }) {
      const actorId = agentOf(viewer);
      const current = await store.conversations.byId(conversationId);
      if (!current) throw notFound();
      if ('queueId' in to) {
        if (!(await store.queues.byId(to.queueId))) throw new AppError('not_found', 'Queue not found');
        const { conversation } = await requeue(
          current,
          { kind: 'agent', id: actorId },
          'transferred',
          ['active', 'pending', 'queued'],
          to.queueId,
          {
            fromAgentId: current.assigneeId,
            toQueueId: to.queueId,
            note: note ?? null,
          },
        );
        return conversation;
      }
      if (!(await store.agents.byId(to.agentId))) throw new AppError('not_found', 'Agent not found');
      const { conversation, previous } = await apply(
        {
          conversationId,
          expect: { statuses: ['queued', 'active', 'pending'], assigneeId: current.assigneeId },
          set: { status: 'active', assigneeId: to.agentId, assignedAt: now() },
          assignTo: to.agentId,
          event: {
            type: 'transferred',
            actorKind: 'agent',
            actorId,
            data: { fromAgentId: current.assigneeId, toAgentId: to.agentId, note: note ?? null },
          },
        },
        (result) =>
          result.reason === 'not_found'
            ? notFound()
            : result.reason === 'capacity'
              ? new AppError('conflict', 'That agent is at capacity')
              : new AppError('conflict', 'The conversation changed meanwhile; reload and try again'),
      );
      bus.publish('conversation.transferred', {
        conversation,
        fromAgentId: current.assigneeId,
        toAgentId: to.agentId,
        toQueueId: null,
        note: note ?? null,
      });
      await reroute(previous);
      return conversation;
    },

    resolve: (viewer, { conversationId, reason, note }) =>
      resolveAs(conversationId, { kind: 'agent', id: agentOf(viewer) }, reason, note ?? null),

    async reopen(viewer, conversationId) {
      const actorId = agentOf(viewer);
      const current = await store.conversations.byId(conversationId);
      if (!current) throw notFound();
      return (
        await requeue(
          current,
          { kind: 'agent', id: actorId },
          'reopened',
          ['resolved', 'abandoned'],
          null,
          {},
        )
      ).conversation;
    },

    async reopenForCustomer(conversation) {
      const site = await store.sites.byId(conversation.siteId);
      if (site?.bot) {
        const result = await apply(
          {
            conversationId: conversation.id,
            expect: { statuses: ['resolved', 'abandoned'], assigneeId: conversation.assigneeId },
            set: {
              status: 'bot',
              assigneeId: null,
              assignedAt: null,
              queuedAt: null,
              resolvedAt: null,
              resolveReason: null,
              handoff: null,
              requiredSkills: [],
            },
            event: {
              type: 'reopened',
              actorKind: 'visitor',
              actorId: conversation.contactId,
              data: { to: 'bot' },
            },
          },
          (r) =>
            r.reason === 'not_found'
              ? notFound()
              : new AppError('conflict', `The conversation is ${r.current?.status ?? 'gone'}; try again`),
        );
        // The bot starts afresh, as for a hand-back.
        await store.conversations.setBotState(conversation.id, null);
        bus.publish('conversation.updated', { conversation: result.conversation });
        await reroute(result.previous);
        return result.conversation;
      }
      return (
        await requeue(
          conversation,
          { kind: 'visitor', id: conversation.contactId },
          'reopened',
          ['resolved', 'abandoned'],
          null,
          {},
        )
      ).conversation;
    },

    async setPriority(viewer, { conversationId, priority }) {
      const actorId = agentOf(viewer);
      const current = await store.conversations.byId(conversationId);
      if (!current) throw notFound();
      const { conversation } = await apply(
        {
          conversationId,
          expect: { statuses: ['bot', 'queued', 'active', 'pending'] },
          set: { priority },
          event: {
            type: 'priority_changed',
            actorKind: 'agent',
            actorId,
            data: { from: current.priority, to: priority },
          },
        },
        (result) =>
          result.reason === 'not_found' ? notFound() : new AppError('conflict', 'The conversation is closed'),
      );
      bus.publish('conversation.updated', { conversation });
      if (conversation.status === 'queued') await reroute(conversation);
      return conversation;
    },

    async autoResolve(conversationId, inactiveForMs, statuses) {
      await resolveAs(
        conversationId,
        { kind: 'system', id: null },
        'customer_not_responding',
        `Resolved automatically after ${Math.round(inactiveForMs / 60_000)} min without activity`,
        // Checked again here, in case a message or a status change came in meanwhile.
        (c) =>
          statuses.includes(c.status) && Date.parse(c.lastMessageAt ?? c.createdAt) + inactiveForMs <= now(),
      ).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
      });
    },

    async abandon(conversationId) {
      const current = await store.conversations.byId(conversationId);
      if (!current || current.status !== 'queued') return;
      const result = await store.conversations.transition({
        conversationId,
        expect: { statuses: ['queued'], assigneeId: null },
        set: { status: 'abandoned' },
        event: { type: 'abandoned', actorKind: 'system', actorId: null, data: { reason: 'visitor_left' } },
      });
      if (!result.ok) return;
      bus.publish('conversation.updated', { conversation: result.conversation });
      await reroute(result.previous);
    },
  };
}
