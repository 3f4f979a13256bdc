// @mentions as the console shows and suggests them, with the protocol's own resolution, so a
// highlighted name is exactly someone the server notifies.
import { agentHandles, mentionTokens, normalizeHandle, type Mentionable } from '@switchboard/protocol';

export interface MentionSegment {
  text: string;
  /** Set for an `@handle` that names someone; the first one it names. */
  agentId: string | null;
}

/** The text cut into plain runs and `@handle`s, each handle with the agent it names (if any). */
export function mentionSegments(text: string, agents: readonly Mentionable[]): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let at = 0;
  for (const token of mentionTokens(text)) {
    const agent = agents.find((candidate) => agentHandles(candidate).includes(token.handle));
    if (!agent) continue;
    if (token.index > at) segments.push({ text: text.slice(at, token.index), agentId: null });
    segments.push({ text: text.slice(token.index, token.index + token.length), agentId: agent.id });
    at = token.index + token.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), agentId: null });
  return segments;
}

/**
 * The handle to insert for an agent: the first one of their first name, their email's local
 * part and their whole name run together that no one else answers to.
 */
export function preferredHandle(agent: Mentionable, agents: readonly Mentionable[]): string {
  const firstWord = agent.name.trim().split(/\s+/)[0] ?? '';
  const candidates = [firstWord, agent.email.split('@')[0] ?? '', agent.name]
    .map(normalizeHandle)
    .filter((handle) => handle !== '');
  const shared = (handle: string) =>
    agents.some((other) => other.id !== agent.id && agentHandles(other).includes(handle));
  return candidates.find((handle) => !shared(handle)) ?? candidates.at(-1) ?? '';
}

/** The `@word` being typed just before the caret, or null: `{ start, query }` (query normalised). */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}._-]*)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: normalizeHandle(match[1]!) };
}

/** Agents whose handles start with the query (everyone for an empty one), at most `limit`. */
export function suggestAgents<T extends Mentionable>(query: string, agents: readonly T[], limit = 5): T[] {
  return agents
    .filter((agent) => agentHandles(agent).some((handle) => handle.startsWith(query)))
    .slice(0, limit);
}
