import type { Message } from '@switchboard/protocol';

/**
 * The latest agent reply the visitor has read (its `seq` at most the visitor's read mark), under
 * which the thread says "Seen"; null when the visitor has read none. Notes never reach the visitor.
 */
export function lastSeenReply(messages: readonly Message[], visitorReadSeq: number): Message | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.seq <= visitorReadSeq && message.authorKind === 'agent' && message.kind === 'text')
      return message;
  }
  return null;
}
