// The light entry: types and plain constants, no zod at run time, so client bundles stay small.
// Schemas for validation live at `@switchboard/protocol/schemas`.
export type { Ack, AckCallback } from './ack.js';
export { ERROR_CODES, HTTP_STATUS, isErrorCode } from './errors.js';
export type { ErrorCode, ProtocolError } from './errors.js';
export { AGENT_NAMESPACE, BOT_NAMESPACE, VISITOR_NAMESPACE } from './events.js';
export type {
  AckData,
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  BotClientToServerEvents,
  BotDelivery,
  BotServerToClientEvents,
  ConversationRatedEvent,
  HandoffEvent,
  PayloadOf,
  SocketAuth,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from './events.js';
export {
  AGENT_ROLES,
  AGENT_STATUSES,
  ATTACHMENT_KINDS,
  CANNED_CHANGES,
  CANNED_VARIABLES,
  AUTHOR_KINDS,
  BOT_KINDS,
  DEFAULT_OFFLINE_FIELDS,
  FORM_FIELD_TYPES,
  HANDOFF_REASONS,
  NO_AGENT_MODES,
  BRIDGED_CHANNELS,
  CHANNELS,
  MESSAGE_DELIVERY_STATES,
  CONVERSATION_STATUSES,
  CONVERSATION_VIEWS,
  DEFAULT_LABELS,
  MAX_CONTACT_ATTRIBUTES,
  MAX_LABEL_NAME,
  MAX_LABELS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  IDENTITY_VERIFICATION_MODES,
  MAX_CANNED_BODY,
  MAX_CANNED_CATEGORY,
  MAX_CANNED_SHORTCUT,
  MAX_CANNED_TITLE,
  MAX_CONSENT_TEXT,
  MAX_CSAT_COMMENT,
  MAX_ATTACHMENT_NAME,
  MAX_ATTACHMENTS,
  MAX_CARDS,
  MAX_CSAT_SCORE,
  MAX_MESSAGE_TEXT,
  MAX_PRE_CHAT_FIELDS,
  MESSAGE_KINDS,
  OPEN_STATUSES,
  PRIORITIES,
  QUEUE_STRATEGIES,
  RESOLVE_REASONS,
  TIMELINE_EVENT_TYPES,
  TYPING_REFRESH_MS,
  TYPING_TIMEOUT_MS,
} from './constants.js';
export type { DefaultLabelKey } from './constants.js';
export { normalizeTag, tagProblem } from './tags.js';
export { agentHandles, mentionedAgentIds, mentionTokens, normalizeHandle } from './mentions.js';
export type { Mentionable } from './mentions.js';
export type { Attributes, Channel, Priority } from './schemas/common.js';
export type {
  BridgedChannel,
  ChannelAccount,
  ChannelTemplate,
  CreateChannelAccountRequest,
  MessageDelivery,
  MessageDeliveryState,
  SendTemplateRequest,
  StartOutboundRequest,
  TemplateMessage,
} from './schemas/channel.js';
export type { Site, PublicSite, IdentityVerification } from './schemas/site.js';
export type { ConsentRecord, Contact, ContactPreChat, UpdateContactRequest } from './schemas/contact.js';
export type { ContactContext, ContextOrder, ContextOrderItem, ContextProduct } from './schemas/context.js';
export type { CreateLabelRequest, Label, LabelPayload, UpdateLabelRequest } from './schemas/label.js';
export type {
  Mention,
  MentionListQuery,
  MentionPage,
  MentionsRead,
  MentionsReadPayload,
} from './schemas/mention.js';
export type { TagsPayload } from './schemas/tag.js';
export type {
  PreChatConsent,
  PreChatResult,
  PreChatSettings,
  PreChatSettingsInput,
  PreChatSubmission,
} from './schemas/pre-chat.js';
export {
  checkPreChat,
  PRE_CHAT_CONTACT_FIELDS,
  PRE_CHAT_PROBLEM_TEXT,
  preChatValueLimit,
} from './pre-chat.js';
export type { PreChatAnswers, PreChatIssue, PreChatProblem } from './pre-chat.js';
export { preChatPending, type PreChatContact } from './pre-chat-pending.js';
export { inView, isOpenStatus, matchesConversationFilter } from './conversation-view.js';
export type { ConversationFilterFields, ConversationView } from './conversation-view.js';
export type {
  Agent,
  AgentPresence,
  AgentProfilesRequest,
  AgentRole,
  AgentStatus,
  PublicAgentProfile,
  UpdateAgentRequest,
  UpdateProfileRequest,
} from './schemas/agent.js';
export type { Attachment, AttachmentKind, UploadLimits, UploadQuery } from './schemas/attachment.js';
export type {
  CannedChange,
  CannedChangedEvent,
  CannedResponse,
  CannedResponseListQuery,
  CreateCannedResponseRequest,
  UpdateCannedResponseRequest,
} from './schemas/canned.js';
export { cannedTemplateProblems, isCannedVariable, parseCannedTemplate } from './canned-template.js';
export type { CannedTemplatePart, CannedVariable } from './canned-template.js';
export { cannedMatchRank, cannedSearchText, searchCannedResponses, searchKey } from './canned-search.js';
export type { CannedSearchFilter } from './canned-search.js';
export type {
  CreateQueueRequest,
  Queue,
  QueuePosition,
  QueueStrategy,
  UpdateQueueRequest,
} from './schemas/queue.js';
export type { ActivityLine, ResolveReason, TimelineEvent, TimelineEventType } from './schemas/timeline.js';
export type { Conversation, ConversationStatus, Handoff } from './schemas/conversation.js';
export type { CsatRating, CsatSubmission } from './schemas/csat.js';
export type {
  AgentTypingEvent,
  DeliveredPayload,
  DeliveryReceipt,
  ReadPayload,
  ReadReceipt,
  TypingPayload,
  VisitorTypingEvent,
} from './schemas/presence-signals.js';
export type {
  AuthorKind,
  Card,
  FormField,
  Message,
  MessageForm,
  MessageKind,
  QuickReply,
} from './schemas/message.js';
export type {
  BotCollectPayload,
  BotConfig,
  BotConfigInput,
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
} from './schemas/bot.js';
export type {
  AgentLoginRequest,
  AgentSession,
  ContactConversationsQuery,
  ConversationListQuery,
  ConversationPage,
  MessageHistoryQuery,
  MessagePage,
  VisitorIdentity,
  VisitorResume,
  VisitorSession,
  VisitorSessionRequest,
} from './schemas/rest.js';
export type {
  AgentSendMessagePayload,
  AssignPayload,
  ResolvePayload,
  SetCapacityPayload,
  SetPriorityPayload,
  SetStatusPayload,
  TransferPayload,
  ConversationRef,
  ConversationStartPayload,
  SendMessagePayload,
} from './schemas/payloads.js';
export { ulid, ulidTime } from './ulid.js';
export { shortenFileName } from './file-name.js';
export type { Availability, BusinessHours, Weekday } from './schemas/business-hours.js';
