import type { AgentPresence, AgentStatus, PublicAgentProfile } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { RoutingService } from './routing.js';

export interface AgentService {
  setStatus(agentId: string, status: AgentStatus): Promise<AgentPresence>;
  setCapacity(agentId: string, capacity: number): Promise<AgentPresence>;
  /** An admin changes an agent's skills or capacity. */
  updateRouting(agentId: string, changes: { skills?: string[]; capacity?: number }): Promise<AgentPresence>;
  presence(): Promise<AgentPresence[]>;
  /** An agent changes the name and picture visitors see. */
  updateProfile(
    agentId: string,
    changes: { name?: string; avatarUrl?: string | null },
  ): Promise<AgentPresence>;
  /** What visitors may see of these agents; unknown ids are left out. */
  profiles(agentIds: readonly string[]): Promise<PublicAgentProfile[]>;
  /** A socket of the agent connected: cancels a pending offline, and an offline agent comes online. */
  connected(agentId: string): Promise<void>;
  /** The agent's last socket closed: they go offline after the grace period unless they return. */
  disconnected(agentId: string): Promise<void>;
  /** Timer: the grace period ended. */
  goOfflineIfAway(agentId: string): Promise<void>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  routing: RoutingService;
  now: () => number;
  offlineGraceMs: number;
}

export function createAgentService({ store, bus, routing, now, offlineGraceMs }: Deps): AgentService {
  // Socket counts per agent in this process. (Several instances will share this through Redis.)
  const sockets = new Map<string, number>();

  async function presenceOf(agentId: string): Promise<AgentPresence> {
    const [presence] = await store.agents.presence([agentId]);
    if (!presence) throw new AppError('not_found', 'Agent not found');
    const { lastAssignedAt: _lastAssignedAt, ...agent } = presence;
    return agent;
  }

  async function update(
    agentId: string,
    changes: { status?: AgentStatus; capacity?: number; skills?: string[] },
  ) {
    if (!(await store.agents.update(agentId, changes))) throw new AppError('not_found', 'Agent not found');
    const agent = await presenceOf(agentId);
    bus.publish('agent.status_changed', { agent });
    // Coming available or gaining capacity may let waiting conversations through.
    await routing.drainForAgent(agentId);
    return agent;
  }

  return {
    setStatus: (agentId, status) => update(agentId, { status }),
    setCapacity: (agentId, capacity) => update(agentId, { capacity }),
    updateRouting: (agentId, changes) => update(agentId, changes),

    async updateProfile(agentId, changes) {
      if (!(await store.agents.update(agentId, changes))) throw new AppError('not_found', 'Agent not found');
      const agent = await presenceOf(agentId);
      // Presence lists show names too.
      bus.publish('agent.status_changed', { agent });
      return agent;
    },

    async presence() {
      return (await store.agents.presence()).map(({ lastAssignedAt: _lastAssignedAt, ...agent }) => agent);
    },

    async profiles(agentIds) {
      const found = await Promise.all([...new Set(agentIds)].map((id) => store.agents.byId(id)));
      return found.flatMap((agent) =>
        agent ? [{ id: agent.id, name: agent.name, avatarUrl: visitorSafeAvatar(agent.avatarUrl) }] : [],
      );
    },

    async connected(agentId) {
      sockets.set(agentId, (sockets.get(agentId) ?? 0) + 1);
      await store.timers.cancel('agent_offline', agentId);
      const agent = await store.agents.byId(agentId);
      if (agent?.status === 'offline') await update(agentId, { status: 'available' });
    },

    async disconnected(agentId) {
      const left = (sockets.get(agentId) ?? 1) - 1;
      if (left > 0) {
        sockets.set(agentId, left);
        return;
      }
      sockets.delete(agentId);
      await store.timers.arm('agent_offline', agentId, now() + offlineGraceMs);
    },

    async goOfflineIfAway(agentId) {
      if (sockets.has(agentId)) return;
      const agent = await store.agents.byId(agentId);
      if (agent && agent.status !== 'offline') await update(agentId, { status: 'offline' });
    },
  };
}

/**
 * Visitors' pages load the avatar, so only https pictures (or ones on this server) go out: an
 * http one would be mixed content, and a `javascript:` or `data:` one has no business there.
 */
function visitorSafeAvatar(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')) return url;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
