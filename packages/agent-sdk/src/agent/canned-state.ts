// Pure reducers for the agent client's canned responses. Copies arrive from lists, from answers
// to the client's own writes and from `canned:changed`, in any order: a copy never replaces a
// newer one (by `updatedAt`), and a deleted response never comes back. Like the other reducers,
// each hands back what it left alone by identity.
import type { CannedResponse } from '@switchboard/protocol';
import { sameRecord } from '../core/records.js';

type ById = Readonly<Record<string, CannedResponse>>;

/** The copy to hold: the incoming one unless the held one is newer (ISO timestamps sort as text). */
function fresher(held: CannedResponse | undefined, incoming: CannedResponse): CannedResponse {
  if (held === undefined) return incoming;
  if (held.updatedAt > incoming.updatedAt) return held;
  return sameRecord(held, incoming) ? held : incoming;
}

/** A response from an answer or an event; ignored when it was deleted. */
export function upsertCanned(held: ById, incoming: CannedResponse, deleted: ReadonlySet<string>): ById {
  if (deleted.has(incoming.id)) return held;
  const next = fresher(held[incoming.id], incoming);
  return next === held[incoming.id] ? held : { ...held, [incoming.id]: next };
}

export function removeCanned(held: ById, id: string): ById {
  if (!(id in held)) return held;
  const { [id]: _removed, ...rest } = held;
  return rest;
}

export interface CannedListMerge {
  /**
   * The held responses the list speaks for: those it lacks were deleted meanwhile and are dropped
   * (unless `changedSince` says an event brought them while it was fetched). Null for a search,
   * which says nothing about the responses it did not find.
   */
  covers: ((response: CannedResponse) => boolean) | null;
  /** Whether a live event touched this response after the fetch started. */
  changedSince: (id: string) => boolean;
  deleted: ReadonlySet<string>;
}

/** `GET /v1/canned-responses` into the state. */
export function mergeCannedList(
  held: ById,
  list: readonly CannedResponse[],
  { covers, changedSince, deleted }: CannedListMerge,
): ById {
  let next: Record<string, CannedResponse> | null = null;
  const write = (): Record<string, CannedResponse> => (next ??= { ...held });
  if (covers !== null) {
    const listed = new Set(list.map((response) => response.id));
    for (const response of Object.values(held)) {
      if (covers(response) && !listed.has(response.id) && !changedSince(response.id))
        delete write()[response.id];
    }
  }
  for (const response of list) {
    if (deleted.has(response.id)) continue;
    const current = (next ?? held)[response.id];
    const chosen = fresher(current, response);
    if (chosen !== current) write()[response.id] = chosen;
  }
  return next ?? held;
}
