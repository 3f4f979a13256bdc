// @mentions in internal notes. The server and clients resolve them with these same functions,
// so what a console highlights or suggests is exactly whom the server notifies.

/** Who can be mentioned: an agent's id, name and email. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/** Lowercase letters and digits only, accents dropped: `Zoë-Ann` and `zoeann` are one handle. */
export function normalizeHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The handles an agent answers to, normalised: the part of their email before the `@`, the first
 * word of their name, and their whole name run together. Ada Lovelace (ada.l@example.com) answers
 * to `@ada`, `@adal` and `@adalovelace` (and `@Ada.L`, which normalises to `adal`).
 */
export function agentHandles(agent: Pick<Mentionable, 'name' | 'email'>): string[] {
  const local = agent.email.split('@')[0] ?? '';
  const firstWord = agent.name.trim().split(/\s+/)[0] ?? '';
  const handles = [local, firstWord, agent.name].map(normalizeHandle).filter((handle) => handle !== '');
  return [...new Set(handles)];
}

/**
 * `@` at the start or after a character that is not part of a word or an address (so the `@` of
 * `ada@example.com` is not a mention), then letters, digits, `.`, `_` or `-`.
 */
const MENTION = /(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

/** Where each `@handle` is in a text, with its normalised handle; trailing `.`, `_`, `-` are not part of it. */
export function mentionTokens(text: string): { index: number; length: number; handle: string }[] {
  const tokens: { index: number; length: number; handle: string }[] = [];
  for (const match of text.matchAll(MENTION)) {
    const word = (match[1] ?? '').replace(/[._-]+$/, '');
    const handle = normalizeHandle(word);
    if (handle !== '') tokens.push({ index: match.index, length: word.length + 1, handle });
  }
  return tokens;
}

/**
 * The agents a text mentions, in the order first mentioned. A handle several agents answer to
 * (two Adas) mentions each of them: better one notice too many than a colleague never told.
 */
export function mentionedAgentIds(text: string, agents: readonly Mentionable[]): string[] {
  const ids: string[] = [];
  for (const { handle } of mentionTokens(text)) {
    for (const agent of agents) {
      if (!ids.includes(agent.id) && agentHandles(agent).includes(handle)) ids.push(agent.id);
    }
  }
  return ids;
}
