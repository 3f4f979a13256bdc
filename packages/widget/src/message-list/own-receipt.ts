import type { Message } from '@switchboard/protocol';

/** The delivery state shown under the visitor's latest stored message, Intercom-style. */
export interface OwnReceipt {
  /** The message's client message id (a row's key). */
  key: string;
  state: 'sent' | 'read';
}

/** The visitor's latest stored message, read once an agent has read up to its `seq`; null when there is none. */
export function ownReceipt(messages: readonly Message[], readByAgentSeq: number): OwnReceipt | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.authorKind !== 'visitor' || message.kind === 'note') continue;
    return { key: message.clientMessageId, state: message.seq <= readByAgentSeq ? 'read' : 'sent' };
  }
  return null;
}
