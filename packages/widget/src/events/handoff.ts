import type { Conversation, Handoff } from '@switchboard/protocol';

export interface SwitchboardHandoffDetail {
  conversation: Conversation;
  /** Why the bot handed over: the visitor asked, the bot decided, an agent intervened, … */
  reason: Handoff['reason'];
}

/** Dispatched when a person takes the conversation over from the bot (the handoff is accepted). */
export class SwitchboardHandoffEvent extends CustomEvent<SwitchboardHandoffDetail> {
  constructor(detail: SwitchboardHandoffDetail) {
    super('switchboard-handoff', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'switchboard-handoff': SwitchboardHandoffEvent;
  }
}
