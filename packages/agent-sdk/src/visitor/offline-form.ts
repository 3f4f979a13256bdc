// The offline form's submission. It bypasses the outbox (it is one request with its own answer,
// not a chat message to queue), so it carries its own idempotency: submitting the same answers
// again, e.g. a retry after a lost acknowledgement, reuses the clientMessageId, and the server then
// returns the stored message instead of storing (and notifying the team about) a second one.
import { ulid, type Conversation, type Message, type OfflineFormSubmission } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { VisitorClient } from '../types.js';
import { validateMessageText } from '../core/validate.js';
import type { EngineParts } from './engine-parts.js';

export type OfflineFormInput = Parameters<VisitorClient['submitOfflineForm']>[0];

export interface OfflineFormOptions {
  /** Connects if needed and returns the conversation to submit into. */
  conversation: () => Promise<Conversation>;
  request: (payload: OfflineFormSubmission) => Promise<Message>;
  /** The acknowledged message and the answers it was stored with, to apply to the state. */
  onSubmitted: (message: Message, submission: OfflineFormSubmission) => void;
}

/** What the server would refuse before it is sent: a blank email, or a blank or overlong message. */
export function validateOfflineForm(input: OfflineFormInput): SwitchboardError | null {
  if (typeof input.email !== 'string' || input.email.trim() === '') {
    return new SwitchboardError('invalid_payload', 'An email address is required', [
      { path: 'email', message: 'must not be blank' },
    ]);
  }
  const invalid = validateMessageText(input.message);
  if (!invalid) return null;
  return new SwitchboardError(
    'invalid_payload',
    invalid.message,
    invalid.issues?.map((issue) => ({ ...issue, path: 'message' })),
  );
}

export function createOfflineFormSubmitter(
  options: OfflineFormOptions,
): (input: OfflineFormInput) => Promise<Message> {
  /** The last submission's answers and id: the same answers again are the same submission. */
  let last: { fingerprint: string; clientMessageId: string } | null = null;

  return async (input) => {
    const invalid = validateOfflineForm(input);
    if (invalid) throw invalid;
    const conversation = await options.conversation();
    const name = input.name?.trim();
    const submission: OfflineFormSubmission = {
      conversationId: conversation.id,
      clientMessageId: '',
      // The payload is strict: leave the name out rather than send `undefined`.
      ...(name ? { name } : {}),
      email: input.email.trim(),
      message: input.message,
    };
    const fingerprint = JSON.stringify([
      submission.conversationId,
      name ?? '',
      submission.email,
      input.message,
    ]);
    if (last?.fingerprint !== fingerprint) last = { fingerprint, clientMessageId: ulid() };
    submission.clientMessageId = last.clientMessageId;
    const message = await options.request(submission);
    options.onSubmitted(message, submission);
    return message;
  };
}

/** The engine's `submitOfflineForm`: into the current conversation, started when needed. */
export function offlineFormFor({ store, core, conversation, startConversation }: EngineParts) {
  return createOfflineFormSubmitter({
    conversation: startConversation,
    request: (submission) => core.transport.request('offline_form:submit', submission),
    onSubmitted: (message, { name, email }) => {
      conversation.apply(message.conversationId, [message], 'live');
      // The server filled the contact in from the answers; it sends visitors no update of its own.
      const { contact } = store.getSnapshot();
      if (contact) store.setState({ contact: { ...contact, email, name: name ?? contact.name } });
    },
  });
}
