// What the agent typed into the tag field, as the tags the server will store.
import { normalizeTag, tagProblem } from '@switchboard/protocol';

export type TagInput = { tags: string[]; problem: null } | { tags: []; problem: string };

/** Commas separate tags; each is normalised (`normalizeTag`) and duplicates are dropped. */
export function parseTagInput(raw: string): TagInput {
  const tags: string[] = [];
  for (const part of raw.split(',')) {
    const tag = normalizeTag(part);
    if (tag === '') continue;
    const problem = tagProblem(tag);
    if (problem !== null) return { tags: [], problem: `“${tag.slice(0, 20)}…” ${problem}` };
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags.length === 0 ? { tags: [], problem: 'Type a tag first' } : { tags, problem: null };
}
