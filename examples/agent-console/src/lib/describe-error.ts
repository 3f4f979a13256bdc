// Turns an SDK failure into a sentence for the person at the console. The SDK rejects with a
// `SwitchboardError` (a `code` and a message); anything else is shown by its message.

const SENTENCES: Partial<Record<string, string>> = {
  unauthorized: 'The email or password is not right.',
  forbidden: 'Your account may not do that.',
  network: 'Cannot reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Try again.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
  conversation_closed: 'This conversation is closed.',
  already_assigned: 'Another agent already took this conversation.',
  payload_too_large: 'That message is too long.',
  not_found: 'That conversation no longer exists.',
  context_unavailable: "The shop's order system is not answering. Try again in a moment.",
  internal: 'Something went wrong on the server. Try again.',
};

export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

export function describeError(error: unknown): string {
  const code = errorCode(error);
  const sentence = code === null ? undefined : SENTENCES[code];
  if (sentence !== undefined) return sentence;
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong. Try again.';
}
