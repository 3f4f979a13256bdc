// The npm entry: importing it defines nothing. Import `@switchboard/widget/define` to register
// <switchboard-chat>, or define the class under a tag of your own.
export { SwitchboardChat } from './chat/chat.js';
export { SwitchboardCloseEvent } from './events/close.js';
export { SwitchboardMessageReceiveEvent } from './events/message-receive.js';
export { SwitchboardMessageSendEvent } from './events/message-send.js';
export { SwitchboardOpenEvent } from './events/open.js';
export type { ChatPosition, ChatTheme } from './theme/theme.js';
