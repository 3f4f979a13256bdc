import type { Message } from '@switchboard/protocol';
import type { VisitorState } from '@switchboard/agent-sdk';

/** The delivery state shown under the visitor's latest stored message, WhatsApp-style. */
export interface OwnReceipt {
  /** The message's client message id (a row's key). */
  key: string;
  /**
   * `sent`: stored by the server; `delivered`: an agent's console that has the conversation (or
   * the bot) received it; `read`: an agent read it. Also the key of the words shown.
   */
  state: 'sent' | 'delivered' | 'read';
}

/** The visitor's latest stored message and how far it got; null when there is none. */
export function ownReceipt(
  messages: readonly Message[],
  { readByAgentSeq, deliveredToAgentSeq }: Pick<VisitorState, 'readByAgentSeq' | 'deliveredToAgentSeq'>,
): OwnReceipt | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const { authorKind, kind, clientMessageId: key, seq } = messages[index]!;
    if (authorKind !== 'visitor' || kind === 'note') continue;
    return {
      key,
      state: seq <= readByAgentSeq ? 'read' : seq <= deliveredToAgentSeq ? 'delivered' : 'sent',
    };
  }
  return null;
}
