// The customer journey in words: one line per timeline event, for the details pane.
import type { AgentPresence, TimelineEvent } from '@switchboard/protocol';
import { statusLabel } from './labels.js';

const text = (value: TimelineEvent['data'][string] | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** Who did it: an agent by name, else the kind of actor. */
export function actorName(
  event: TimelineEvent,
  agents: Readonly<Record<string, AgentPresence>>,
  selfId: string | null,
): string {
  if (event.actorKind === 'agent' && event.actorId !== null) {
    if (event.actorId === selfId) return 'You';
    return agents[event.actorId]?.name ?? 'An agent';
  }
  return { visitor: 'The visitor', bot: 'The bot', system: 'Switchboard', agent: 'An agent' }[
    event.actorKind
  ];
}

/** What happened, after the actor's name: "tagged it “vip”", "moved it to Resolved". */
export function timelineAction(event: TimelineEvent): string {
  const { data } = event;
  switch (event.type) {
    case 'tag_added':
      return `tagged it “${text(data['tag'])}”`;
    case 'tag_removed':
      return `removed the tag “${text(data['tag'])}”`;
    case 'label_added':
      return `labelled it ${text(data['name']) || 'with a label'}`;
    case 'label_removed':
      return `removed the label ${text(data['name']) || ''}`.trim();
    case 'contact_updated':
      return `edited the contact (${text(data['fields']).split(',').join(', ')})`;
    case 'created':
      return 'started the conversation';
    case 'rated':
      return `rated it ${text(data['score'])}/5`;
    default:
      return event.toStatus !== null && event.toStatus !== event.fromStatus
        ? `${event.type.replace(/_/g, ' ')} → ${statusLabel(event.toStatus)}`
        : event.type.replace(/_/g, ' ');
  }
}
