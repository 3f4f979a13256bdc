import type { SwitchboardCloseEvent } from '../events/close.js';
import type { SwitchboardConnectionChangeEvent } from '../events/connection-change.js';
import type { SwitchboardConversationEndEvent } from '../events/conversation-end.js';
import type { SwitchboardConversationStartEvent } from '../events/conversation-start.js';
import type { SwitchboardErrorEvent } from '../events/error.js';
import type { SwitchboardHandoffEvent } from '../events/handoff.js';
import type { SwitchboardMessageReceiveEvent } from '../events/message-receive.js';
import type { SwitchboardMessageSendEvent } from '../events/message-send.js';
import type { SwitchboardOpenEvent } from '../events/open.js';
import type { SwitchboardReadyEvent } from '../events/ready.js';
import type { SwitchboardUnreadChangeEvent } from '../events/unread-change.js';

/** The element's events by the short name `on()` and `off()` take (without `switchboard-`). */
export interface SwitchboardEventMap {
  ready: SwitchboardReadyEvent;
  open: SwitchboardOpenEvent;
  close: SwitchboardCloseEvent;
  'message-send': SwitchboardMessageSendEvent;
  'message-receive': SwitchboardMessageReceiveEvent;
  'conversation-start': SwitchboardConversationStartEvent;
  'conversation-end': SwitchboardConversationEndEvent;
  handoff: SwitchboardHandoffEvent;
  'connection-change': SwitchboardConnectionChangeEvent;
  'unread-change': SwitchboardUnreadChangeEvent;
  error: SwitchboardErrorEvent;
}

export type SwitchboardEventName = keyof SwitchboardEventMap;

export type SwitchboardEventHandler<Name extends SwitchboardEventName> = (
  event: SwitchboardEventMap[Name],
) => void;

/** The DOM event type for a short name: `ready` → `switchboard-ready`. */
export const domEventType = (name: string): string => `switchboard-${name}`;
