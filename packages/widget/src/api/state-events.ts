import type { VisitorState } from '@switchboard/agent-sdk';
import { SwitchboardConnectionChangeEvent } from '../events/connection-change.js';
import { SwitchboardConversationEndEvent } from '../events/conversation-end.js';
import { SwitchboardConversationStartEvent } from '../events/conversation-start.js';
import { SwitchboardErrorEvent } from '../events/error.js';
import { SwitchboardHandoffEvent } from '../events/handoff.js';

type Watched = Pick<VisitorState, 'connection' | 'conversation' | 'error'>;

const isOpen = (conversation: VisitorState['conversation']) =>
  conversation !== null && conversation.status !== 'resolved' && conversation.status !== 'abandoned';

/**
 * The events a change of the visitor's state means for the page, in the order to dispatch them.
 * Pure, so the rules are tested without a browser.
 */
export function stateEvents(previous: Watched, next: Watched): Event[] {
  const events: Event[] = [];
  if (next.connection !== previous.connection)
    events.push(new SwitchboardConnectionChangeEvent({ connection: next.connection }));

  const before = previous.conversation;
  const after = next.conversation;
  const same = before !== null && after !== null && before.id === after.id;
  if (after && isOpen(after) && !(same && isOpen(before))) {
    events.push(new SwitchboardConversationStartEvent({ conversation: after }));
  }
  if (after && same && isOpen(before) && (after.status === 'resolved' || after.status === 'abandoned')) {
    events.push(
      new SwitchboardConversationEndEvent({
        conversation: after,
        status: after.status,
        reason: after.resolveReason,
      }),
    );
  }
  // A handoff counts once a person accepts it; a stored, long accepted one (a reload) does not.
  const accepted = after?.handoff?.acceptedAt ? after.handoff : null;
  if (after && accepted && same && before.handoff?.acceptedAt !== accepted.acceptedAt) {
    events.push(new SwitchboardHandoffEvent({ conversation: after, reason: accepted.reason }));
  }

  if (next.error && next.error !== previous.error)
    events.push(new SwitchboardErrorEvent({ error: next.error }));
  return events;
}
