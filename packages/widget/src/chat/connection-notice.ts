import type { VisitorState } from '@switchboard/agent-sdk';

/** What the banner above the messages says, if anything. */
export type ConnectionNotice = 'reconnecting' | 'offline' | 'unavailable';

/**
 * Chooses the banner for a visitor state. Errors a retry will fix are the outbox's business (the
 * message stays dimmed); only ones that stop the chat are announced. A connection that is only
 * starting says nothing, and nor does an idle one: no session exists before the first message.
 */
export function connectionNotice(state: Pick<VisitorState, 'connection' | 'error'>): ConnectionNotice | null {
  if (state.error && !state.error.retryable) return 'unavailable';
  if (state.connection === 'reconnecting') return 'reconnecting';
  if (state.connection === 'disconnected') return 'offline';
  return null;
}
