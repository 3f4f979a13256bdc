import type { ActivityLine, PublicAgentProfile, TimelineEvent } from '@switchboard/protocol';

/** The agent a timeline event hands the conversation to, if any. */
function agentOf(event: TimelineEvent): string | null {
  const id = event.type === 'transferred' ? event.data.toAgentId : event.data.agentId;
  return typeof id === 'string' ? id : null;
}

/** The agents whose names the visitor's activity lines need. */
export function activityAgentIds(timeline: readonly TimelineEvent[]): string[] {
  return [
    ...new Set(
      timeline.flatMap((event) =>
        event.type === 'assigned' || event.type === 'transferred' ? [agentOf(event) ?? []].flat() : [],
      ),
    ),
  ];
}

/**
 * The visitor's view of a timeline: an agent joining, a transfer, the end and a reopening, each
 * with only the public name of the agent concerned. Routing details, notes and reasons stay with
 * agents; the bot's handoff shows as the agent joining.
 */
export function visitorActivity(
  timeline: readonly TimelineEvent[],
  profiles: readonly PublicAgentProfile[],
): ActivityLine[] {
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
  const nameOf = (event: TimelineEvent) => names.get(agentOf(event) ?? '') ?? null;
  return timeline.flatMap((event): ActivityLine[] => {
    const line = { id: event.id, createdAt: event.createdAt };
    switch (event.type) {
      case 'assigned':
        return [{ ...line, type: 'agent_joined', agentName: nameOf(event) }];
      case 'transferred':
        return [{ ...line, type: 'transferred', agentName: nameOf(event) }];
      case 'resolved':
        return [{ ...line, type: 'ended', agentName: null }];
      case 'reopened':
        return [{ ...line, type: 'reopened', agentName: null }];
      default:
        return [];
    }
  });
}
