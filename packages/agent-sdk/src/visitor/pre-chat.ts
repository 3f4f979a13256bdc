// The pre-chat form's submission. Like the offline form it bypasses the outbox (one request with
// its own answer, which also starts the conversation), so it carries its own idempotency: the same
// answers again, e.g. a retry after a lost acknowledgement, reuse the first message's
// clientMessageId, and the server then returns what it stored instead of storing it twice.
import {
  checkPreChat,
  PRE_CHAT_PROBLEM_TEXT,
  ulid,
  type PreChatResult,
  type PreChatSettings,
  type PreChatSubmission,
} from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { VisitorClient } from '../types.js';
import type { EngineParts } from './engine-parts.js';

export type PreChatInput = Parameters<VisitorClient['submitPreChat']>[0];

export interface PreChatOptions {
  /** The site's form (read without a session when needed); null when the site has none. */
  settings: () => Promise<PreChatSettings | null>;
  /** Creates the session and connects, as any first interaction does. */
  connect: () => Promise<void>;
  request: (payload: PreChatSubmission) => Promise<PreChatResult>;
  /** The acknowledged result, to apply to the state. */
  onSubmitted: (result: PreChatResult) => Promise<void>;
}

/** What the server would refuse, with the same issues (`fields.<name>`, `consent`, `message`). */
export function validatePreChat(settings: PreChatSettings, input: PreChatInput): SwitchboardError | null {
  const issues = checkPreChat(settings, { ...input, consent: input.consent === true });
  if (issues.length === 0) return null;
  return new SwitchboardError(
    'invalid_payload',
    'The pre-chat form is incomplete',
    issues.map(({ path, problem }) => ({ path, message: PRE_CHAT_PROBLEM_TEXT[problem] })),
  );
}

/** Blank answers are left out, so an optional field left empty changes nothing on the contact. */
function answered(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .map(([name, value]) => [name, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

export function createPreChatSubmitter(
  options: PreChatOptions,
): (input: PreChatInput) => Promise<PreChatResult> {
  /** The last submission's answers and id: the same answers again are the same submission. */
  let last: { fingerprint: string; clientMessageId: string } | null = null;

  return async (input) => {
    const settings = await options.settings();
    if (!settings) throw new SwitchboardError('conflict', 'This site has no pre-chat form');
    const invalid = validatePreChat(settings, input);
    if (invalid) throw invalid;
    const fields = answered(input.fields);
    const consent = input.consent === true;
    const message = input.message?.trim() ? input.message : undefined;
    const payload: PreChatSubmission = { fields, consent };
    if (message !== undefined) {
      const fingerprint = JSON.stringify([fields, consent, message]);
      if (last?.fingerprint !== fingerprint) last = { fingerprint, clientMessageId: ulid() };
      // The payload is strict: the message and its id go together or not at all.
      Object.assign(payload, { message, clientMessageId: last.clientMessageId });
    }
    await options.connect();
    const result = await options.request(payload);
    await options.onSubmitted(result);
    return result;
  };
}

/** The engine's `submitPreChat`: the first interaction, which may start the conversation. */
export function preChatFor({ store, core, conversation, loadSite, start, report }: EngineParts) {
  return createPreChatSubmitter({
    settings: async () => (await loadSite()).preChat,
    connect: start,
    request: (payload) => core.transport.request('pre_chat:submit', payload),
    onSubmitted: async ({ contact, conversation: started, message }) => {
      store.setState({ contact });
      if (!started || !message) return;
      conversation.adopt(started);
      conversation.apply(started.id, [message], 'live');
      // The bot or an agent may have answered before this socket joined the conversation's room.
      if (!conversation.loaded) await conversation.loadLatest(started.id).catch(report);
    },
  });
}
