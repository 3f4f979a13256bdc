// The transfer picker's options: agents (with their status and load) and queues (with how many
// wait), as `agent:<id>` / `queue:<id>` values.
import type { AgentState, TransferTarget } from '@switchboard/agent-sdk';
import { AGENT_STATUSES, type AgentPresence, type Conversation } from '@switchboard/protocol';
import { agentStatusLabel } from './labels.js';

export interface TransferOption {
  value: string;
  label: string;
  group: 'agents' | 'queues';
}

function agentOrder(a: AgentPresence, b: AgentPresence): number {
  return (
    AGENT_STATUSES.indexOf(a.status) - AGENT_STATUSES.indexOf(b.status) ||
    a.load / Math.max(a.capacity, 1) - b.load / Math.max(b.capacity, 1) ||
    a.name.localeCompare(b.name)
  );
}

/** Everyone but the conversation's current assignee, most available first; then every queue by name. */
export function transferOptions(
  state: Pick<AgentState, 'agents' | 'queues'>,
  conversation: Pick<Conversation, 'assigneeId'>,
  selfId: string | null,
): TransferOption[] {
  const agents = Object.values(state.agents)
    .filter((agent) => agent.id !== conversation.assigneeId)
    .sort(agentOrder)
    .map((agent): TransferOption => ({
      value: `agent:${agent.id}`,
      label: `${agent.name}${agent.id === selfId ? ' (you)' : ''} — ${agentStatusLabel(agent.status)}, ${agent.load}/${agent.capacity}`,
      group: 'agents',
    }));
  const queues = Object.values(state.queues)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((queue): TransferOption => ({
      value: `queue:${queue.id}`,
      label: `${queue.name} — ${queue.waiting} waiting`,
      group: 'queues',
    }));
  return [...agents, ...queues];
}

/** The SDK's target for an option value; null for anything else. */
export function parseTransferTarget(value: string): TransferTarget | null {
  const separator = value.indexOf(':');
  const id = value.slice(separator + 1);
  if (separator < 0 || id === '') return null;
  switch (value.slice(0, separator)) {
    case 'agent':
      return { agentId: id };
    case 'queue':
      return { queueId: id };
    default:
      return null;
  }
}
