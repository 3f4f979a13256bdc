// The system lines of the visitor's conversation ("Ada joined", "The conversation ended"), read
// from the server whenever what they describe may have changed.
import type { VisitorState } from '../types.js';
import { fetchActivity } from '../core/api.js';
import type { HttpClient } from '../core/http.js';
import type { Store } from '../core/store.js';

interface Options {
  store: Store<VisitorState>;
  http: HttpClient;
}

const EMPTY: VisitorState['activity'] = Object.freeze([]);

/** Changes whenever the lines may: another conversation, a new status or assignee, a reconnect. */
function activityKey({ conversation, connection }: VisitorState): string {
  if (!conversation || connection !== 'connected') return conversation ? `${conversation.id}|offline` : '';
  return `${conversation.id}|${conversation.status}|${conversation.assigneeId ?? ''}`;
}

/**
 * Keeps `state.activity` for the current conversation. The lines are decoration, so a failed
 * read is not an error the app hears of: the next change or reconnect reads them again.
 */
export function watchActivity({ store, http }: Options): () => void {
  let latest = 0;
  let heldId: string | null = null;
  return store.select(activityKey, () => {
    const { conversation, connection } = store.getSnapshot();
    // Another conversation (or none): the old lines go at once, not when the new ones arrive.
    if (conversation?.id !== heldId) {
      heldId = conversation?.id ?? null;
      store.setState({ activity: EMPTY });
    }
    // Offline (the key says so too): the next connect reads them.
    if (!conversation || connection !== 'connected') return;
    const request = ++latest;
    fetchActivity(http, conversation.id).then(
      (activity) => {
        // Only the newest read counts, and only for the conversation still on screen.
        if (request !== latest || store.getSnapshot().conversation?.id !== conversation.id) return;
        store.setState({ activity: Object.freeze(activity) });
      },
      () => undefined,
    );
  });
}
