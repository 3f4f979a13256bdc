// The public entry. Names are re-exported one by one so the API surface is a deliberate list.
export { createAgentClient } from './agent/agent-client.js';
export { renderCanned } from './agent/render-canned.js';
export type { CannedContext } from './agent/render-canned.js';
export { createVisitorClient } from './visitor/create-visitor-client.js';
export { INITIAL_VISITOR_STATE } from './visitor/visitor-client.js';
export { createBotClient } from './bot/bot-client.js';
export { SwitchboardError } from './errors.js';
export { socketIoConnector } from './core/socket-io-connector.js';
export { liteConnector } from './core/lite-socket/index.js';
export type { LiteConnectorOptions } from './core/lite-socket/index.js';
export type { LooseSocket, SocketConnector, SocketOptions } from './core/socket.js';
export { backoffDelay } from './core/backoff.js';
export type { BackoffOptions } from './core/backoff.js';
export { createStore } from './core/store.js';
export type { Store } from './core/store.js';
export { hasGapBefore, isGap, lastSeq, mergeMessages, removeDelivered } from './core/message-log.js';
export { attachmentUrl } from './core/attachment-url.js';
export { checkUpload, formatBytes } from './core/upload.js';
export type {
  AgentAuth,
  AgentCannedResponses,
  AgentClient,
  AgentClientEvents,
  AgentClientOptions,
  AgentState,
  AttachmentControls,
  BaseClientOptions,
  ConnectionState,
  ConversationAssignedEvent,
  ConversationListView,
  ConversationRatedEvent,
  ConversationResolvedEvent,
  ConversationTransferredEvent,
  ConversationViewState,
  Emitter,
  HandoffAcceptedEvent,
  HandoffRequestedEvent,
  HandoffReturnedEvent,
  HandoffTimedOutEvent,
  HistoryOptions,
  KeyValueStorage,
  PendingMessage,
  PendingMessageControls,
  QueueUpdatedEvent,
  ReadableStore,
  ReconnectionOptions,
  SendOptions,
  TransferTarget,
  UploadOptions,
  VisitorClient,
  VisitorClientEvents,
  VisitorClientOptions,
  VisitorState,
} from './types.js';
export type { ChannelControls, OutboundConversationRequest } from './agent/agent-channels.js';
export type { ContactContextControls, ShareProductOptions } from './agent/context-types.js';
export type {
  CollaborationControls,
  MentionListOptions,
  MentionsReadTarget,
  NoteOptions,
} from './agent/collaboration-types.js';
export type {
  BotClient,
  BotClientEvents,
  BotClientOptions,
  BotCollectedFields,
  BotHandoffRequest,
  BotMessageHandler,
  BotReplyOptions,
  BotReturnedEvent,
  BotSendOptions,
  BotSocketOptions,
  BotTurnContext,
} from './bot/types.js';
