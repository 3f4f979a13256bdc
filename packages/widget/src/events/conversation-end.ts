import type { Conversation, ResolveReason } from '@switchboard/protocol';

export interface SwitchboardConversationEndDetail {
  conversation: Conversation;
  /** `resolved` by an agent or the bot, or `abandoned` by the visitor. */
  status: 'resolved' | 'abandoned';
  /** Why it was resolved; null when abandoned or not given. */
  reason: ResolveReason | null;
}

/** Dispatched when the current conversation is resolved or abandoned. */
export class SwitchboardConversationEndEvent extends CustomEvent<SwitchboardConversationEndDetail> {
  constructor(detail: SwitchboardConversationEndDetail) {
    super('switchboard-conversation-end', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-conversation-end': SwitchboardConversationEndEvent;
  }
}
