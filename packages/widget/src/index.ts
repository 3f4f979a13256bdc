// The npm entry: importing it defines nothing. Import `@switchboard/widget/define` to register
// <switchboard-chat>, or define the class under a tag of your own.
export type { SwitchboardEventHandler, SwitchboardEventMap, SwitchboardEventName } from './api/event-map.js';
export type { SwitchboardCommand, SwitchboardGlobal, SwitchboardMethods } from './api/global.js';
export type { SwitchboardUser } from './api/user-profile.js';
export { SwitchboardChat } from './chat/chat.js';
export { SwitchboardCloseEvent } from './events/close.js';
export { SwitchboardConnectionChangeEvent } from './events/connection-change.js';
export type { SwitchboardConnectionChangeDetail } from './events/connection-change.js';
export { SwitchboardConversationEndEvent } from './events/conversation-end.js';
export type { SwitchboardConversationEndDetail } from './events/conversation-end.js';
export { SwitchboardConversationStartEvent } from './events/conversation-start.js';
export type { SwitchboardConversationStartDetail } from './events/conversation-start.js';
export { SwitchboardErrorEvent } from './events/error.js';
export type { SwitchboardErrorDetail } from './events/error.js';
export { SwitchboardHandoffEvent } from './events/handoff.js';
export type { SwitchboardHandoffDetail } from './events/handoff.js';
export { SwitchboardMessageReceiveEvent } from './events/message-receive.js';
export { SwitchboardMessageSendEvent } from './events/message-send.js';
export { SwitchboardOpenEvent } from './events/open.js';
export { SwitchboardReadyEvent } from './events/ready.js';
export { SwitchboardUnreadChangeEvent } from './events/unread-change.js';
export type { SwitchboardUnreadChangeDetail } from './events/unread-change.js';
export type { ChatPosition, ChatTheme } from './theme/theme.js';
