// Conversations handed to the signed-in agent, with the note that came along, kept for this tab
// until the agent dismisses them.
import type { ConversationTransferredEvent } from '@switchboard/agent-sdk';
import type { AgentPresence } from '@switchboard/protocol';

export interface TransferNotice {
  conversationId: string;
  fromAgentId: string | null;
  note: string | null;
}

export class TransferNotices {
  private readonly notices = new Map<string, TransferNotice>();
  private readonly listeners = new Set<() => void>();

  /** Keeps a transfer to `selfId`; returns whether it was one. */
  record(event: ConversationTransferredEvent, selfId: string | null): boolean {
    if (selfId === null || event.toAgentId !== selfId) return false;
    const conversationId = event.conversation.id;
    this.notices.set(conversationId, { conversationId, fromAgentId: event.fromAgentId, note: event.note });
    this.notify();
    return true;
  }

  get(conversationId: string): TransferNotice | undefined {
    return this.notices.get(conversationId);
  }

  dismiss(conversationId: string): void {
    if (this.notices.delete(conversationId)) this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export function transferNoticeText(
  notice: TransferNotice,
  agents: Readonly<Record<string, AgentPresence>>,
): string {
  const from = notice.fromAgentId === null ? null : (agents[notice.fromAgentId]?.name ?? 'another agent');
  const who = from === null ? 'Transferred to you' : `Transferred to you by ${from}`;
  const note = notice.note?.trim();
  return note ? `${who}: “${note}”` : `${who}.`;
}
