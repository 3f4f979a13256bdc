// The conversation's system lines in the visitor's language ("Ada joined the conversation"): a
// chunk of its own, with their words, fetched with the first line a conversation has.
import type { ActivityLine } from '@switchboard/protocol';
import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';

/** A system line in the visitor's language. */
export function activityText(line: ActivityLine, strings: Strings): string {
  const text = withPartStrings(strings);
  const named = (withName: string, without: string) =>
    line.agentName ? withName.replace('{name}', line.agentName) : without;
  switch (line.type) {
    case 'agent_joined':
      return named(text.activityJoined, text.activityJoinedUnnamed);
    case 'transferred':
      return named(text.activityTransferred, text.activityTransferredTeam);
    case 'ended':
      return text.activityEnded;
    case 'reopened':
      return text.activityReopened;
  }
}
