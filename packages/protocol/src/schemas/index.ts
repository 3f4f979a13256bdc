export { Attributes, Channel, ClientMessageId, Id, Priority, Seq, Timestamp } from './common.js';
export { IdentityVerification, PublicSite, Site } from './site.js';
export { ConsentRecord, Contact, ContactPreChat, UpdateContactRequest } from './contact.js';
export {
  ContactContext,
  ContextOrder,
  ContextOrderItem,
  ContextProduct,
  MAX_CONTEXT_ORDERS,
  MAX_CONTEXT_PRODUCTS,
  MAX_ORDER_ITEMS,
} from './context.js';
export { CreateLabelRequest, Label, LabelColor, LabelPayload, UpdateLabelRequest } from './label.js';
export { Mention, MentionListQuery, MentionPage, MentionsRead, MentionsReadPayload } from './mention.js';
export { Tag, TagsPayload } from './tag.js';
export { PreChatConsent, PreChatResult, PreChatSettings, PreChatSubmission } from './pre-chat.js';
export {
  Agent,
  AgentPresence,
  AgentProfilesRequest,
  AgentRole,
  AgentStatus,
  MAX_PROFILES_PER_REQUEST,
  PublicAgentProfile,
  UpdateAgentRequest,
  UpdateProfileRequest,
} from './agent.js';
export { Attachment, AttachmentIds, AttachmentKind, UploadLimits, UploadQuery } from './attachment.js';
export {
  CannedBody,
  CannedChange,
  CannedChangedEvent,
  CannedResponse,
  CannedResponseListQuery,
  CannedShortcut,
  CreateCannedResponseRequest,
  UpdateCannedResponseRequest,
} from './canned.js';
export {
  BridgedChannel,
  ChannelAccount,
  ChannelTemplate,
  CreateChannelAccountRequest,
  MessageDelivery,
  MessageDeliveryState,
  SendTemplateRequest,
  StartOutboundRequest,
  TemplateMessage,
} from './channel.js';
export { Conversation, ConversationStatus, Handoff } from './conversation.js';
export { CsatRating, CsatScore, CsatSubmission } from './csat.js';
export {
  AuthorKind,
  Card,
  FieldName,
  FormField,
  MAX_CARDS,
  Message,
  MessageForm,
  MessageKind,
  MessageText,
  QuickReply,
} from './message.js';
export {
  BotCollectPayload,
  BotConfig,
  BotHandoffPayload,
  BotKind,
  BotMessagePayload,
  BotReply,
  BotRule,
  BotToken,
  BotTurn,
  CollectField,
  HandBackPayload,
  HandoffReason,
  HandoffRequest,
  NoAgentSettings,
  OfflineFormSubmission,
  RulesBotConfig,
  SdkBotConfig,
  SiteBot,
  WebhookBotConfig,
} from './bot.js';
export {
  AgentLoginRequest,
  AgentSession,
  ContactConversationsQuery,
  ConversationListQuery,
  ConversationPage,
  MessageHistoryQuery,
  MessagePage,
  VisitorIdentity,
  VisitorSession,
  VisitorSessionRequest,
} from './rest.js';
export {
  ConversationRef,
  ConversationStartPayload,
  SendMessagePayload,
  AgentSendMessagePayload,
  AssignPayload,
  ResolvePayload,
  SetCapacityPayload,
  SetPriorityPayload,
  SetStatusPayload,
  TransferPayload,
} from './payloads.js';
export { CreateQueueRequest, Queue, QueuePosition, QueueStrategy, UpdateQueueRequest } from './queue.js';
export { ACTIVITY_TYPES, ActivityLine, ResolveReason, TimelineEvent, TimelineEventType } from './timeline.js';
export { Availability, BusinessHours, OpeningSpan, WEEKDAYS } from './business-hours.js';
export {
  AgentTypingEvent,
  DeliveredPayload,
  DeliveryReceipt,
  ReadPayload,
  ReadReceipt,
  TypingPayload,
  VisitorTypingEvent,
} from './presence-signals.js';
