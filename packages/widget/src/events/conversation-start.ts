import type { Conversation } from '@switchboard/protocol';

export interface SwitchboardConversationStartDetail {
  conversation: Conversation;
}

/**
 * Dispatched when the chat gets an open conversation: a new one, one reopened after it ended, or
 * (after a reload) the stored one resumed.
 */
export class SwitchboardConversationStartEvent extends CustomEvent<SwitchboardConversationStartDetail> {
  constructor(detail: SwitchboardConversationStartDetail) {
    super('switchboard-conversation-start', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-conversation-start': SwitchboardConversationStartEvent;
  }
}
