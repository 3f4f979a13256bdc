import type { VisitorState } from '@switchboard/agent-sdk';

/**
 * Who the visitor is talking to, as the header says it. `agent`: the assignee, by the name and
 * picture they chose; `team`: an agent has the conversation but their profile has not arrived
 * (yet), so the team stands in for them.
 */
export type HeaderStatus =
  | { kind: 'bot' }
  | { kind: 'queue'; position: number; waitSeconds: number | null }
  | { kind: 'agent'; name: string; avatarUrl: string | null }
  | { kind: 'team' }
  /** Outside business hours; `nextOpenAt` (an ISO instant) is when the team is next in, if known. */
  | { kind: 'away'; nextOpenAt: string | null };

function away(site: VisitorState['site']): HeaderStatus | null {
  const availability = site?.availability;
  return availability?.open === false ? { kind: 'away', nextOpenAt: availability.nextOpenAt ?? null } : null;
}

/** What the header shows for a snapshot of the visitor client; `null` says nothing beyond the title. */
export function headerStatus(
  state: Pick<VisitorState, 'conversation' | 'queuePosition' | 'site' | 'agents'>,
): HeaderStatus | null {
  const { conversation, queuePosition, site, agents } = state;
  switch (conversation?.status) {
    case 'bot':
      return { kind: 'bot' };
    case 'queued':
      // Until the first `queue:position` arrives there is no place to tell.
      if (queuePosition?.conversationId === conversation.id)
        return {
          kind: 'queue',
          position: queuePosition.position,
          waitSeconds: queuePosition.estimatedWaitSeconds,
        };
      return away(site);
    case 'active':
    case 'pending': {
      const agent = conversation.assigneeId ? agents[conversation.assigneeId] : undefined;
      return agent ? { kind: 'agent', name: agent.name, avatarUrl: agent.avatarUrl } : { kind: 'team' };
    }
    default:
      // No conversation yet, or it ended: whether anybody is in is what matters now.
      return away(site);
  }
}

/** A wait estimate in whole minutes; under a minute is `0` ("less than a minute"). */
export function waitMinutes(seconds: number): number {
  return seconds < 60 ? 0 : Math.round(seconds / 60);
}

/** Up to two initials of a name, for an avatar without a picture. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const chosen = words.length > 2 ? [words[0], words[words.length - 1]] : words;
  return chosen.map((word) => Array.from(word ?? '')[0]?.toLocaleUpperCase() ?? '').join('');
}
