import type { ActivityLine } from '@switchboard/protocol';
import type { Strings } from '../i18n/en.js';

/** A system line in the visitor's language. */
export function activityText(line: ActivityLine, text: Strings): string {
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
