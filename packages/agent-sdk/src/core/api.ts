// The REST half of the wire contract, one typed function per endpoint.
import type {
  ActivityLine,
  Agent,
  AgentLoginRequest,
  AgentPresence,
  AgentSession,
  CannedResponse,
  CannedResponseListQuery,
  Contact,
  ContactContext,
  CreateCannedResponseRequest,
  ContactConversationsQuery,
  Conversation,
  ConversationPage,
  CreateLabelRequest,
  Label,
  MentionPage,
  MessagePage,
  PublicSite,
  Queue,
  TimelineEvent,
  UpdateCannedResponseRequest,
  UpdateContactRequest,
  UpdateLabelRequest,
  UpdateProfileRequest,
  UploadLimits,
  VisitorSession,
  VisitorSessionRequest,
} from '@switchboard/protocol';
import type { MentionListOptions } from '../agent/collaboration-types.js';
import type { HistoryOptions } from '../types.js';
import type { HttpClient } from './http.js';

// In a module of its own, so that a bundle that needs it only on a rare path (a visitor's
// identify()) can load it with that path.
export { fetchConversations } from './conversation-list.js';

export function createVisitorSession(http: HttpClient, body: VisitorSessionRequest): Promise<VisitorSession> {
  return http.request({ method: 'POST', path: '/v1/visitor/sessions', body, authenticated: false });
}

export function createAgentSession(http: HttpClient, body: AgentLoginRequest): Promise<AgentSession> {
  return http.request({ method: 'POST', path: '/v1/agent/sessions', body, authenticated: false });
}

export function fetchCurrentAgent(http: HttpClient): Promise<Agent> {
  return http.request({ method: 'GET', path: '/v1/agent/me' });
}

/** `PATCH /v1/agent/me`: the name and picture visitors see. */
export function updateProfile(http: HttpClient, body: UpdateProfileRequest): Promise<AgentPresence> {
  return http.request({ method: 'PATCH', path: '/v1/agent/me', body });
}

export function fetchConversation(http: HttpClient, conversationId: string): Promise<Conversation> {
  return http.request({ method: 'GET', path: `/v1/conversations/${encodeURIComponent(conversationId)}` });
}

export function fetchMessages(
  http: HttpClient,
  conversationId: string,
  options: HistoryOptions = {},
): Promise<MessagePage> {
  return http.request({
    method: 'GET',
    path: `/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
    query: { afterSeq: options.afterSeq, beforeSeq: options.beforeSeq, limit: options.limit },
  });
}

export function fetchQueues(http: HttpClient): Promise<Queue[]> {
  return http.request({ method: 'GET', path: '/v1/queues' });
}

export function fetchAgents(http: HttpClient): Promise<AgentPresence[]> {
  return http.request({ method: 'GET', path: '/v1/agents' });
}

export function fetchActivity(http: HttpClient, conversationId: string): Promise<ActivityLine[]> {
  return http.request({
    method: 'GET',
    path: `/v1/conversations/${encodeURIComponent(conversationId)}/activity`,
  });
}

export function fetchTimeline(http: HttpClient, conversationId: string): Promise<TimelineEvent[]> {
  return http.request({
    method: 'GET',
    path: `/v1/conversations/${encodeURIComponent(conversationId)}/timeline`,
  });
}

export function fetchContact(http: HttpClient, conversationId: string): Promise<Contact> {
  return http.request({
    method: 'GET',
    path: `/v1/conversations/${encodeURIComponent(conversationId)}/contact`,
  });
}

/** `GET /v1/conversations/:id/context`: the contact's orders and products, from the shop. */
export function fetchContactContext(http: HttpClient, conversationId: string): Promise<ContactContext> {
  return http.request({
    method: 'GET',
    path: `/v1/conversations/${encodeURIComponent(conversationId)}/context`,
  });
}

export function fetchContactById(http: HttpClient, contactId: string): Promise<Contact> {
  return http.request({ method: 'GET', path: `/v1/contacts/${encodeURIComponent(contactId)}` });
}

/** `PATCH /v1/contacts/:id`: an agent's edit, all of it or nothing. */
export function updateContact(
  http: HttpClient,
  contactId: string,
  body: UpdateContactRequest,
): Promise<Contact> {
  return http.request({ method: 'PATCH', path: `/v1/contacts/${encodeURIComponent(contactId)}`, body });
}

export function fetchContactConversations(
  http: HttpClient,
  contactId: string,
  query: Partial<ContactConversationsQuery> = {},
): Promise<ConversationPage> {
  return http.request({
    method: 'GET',
    path: `/v1/contacts/${encodeURIComponent(contactId)}/conversations`,
    query: { limit: query.limit, cursor: query.cursor },
  });
}

export function fetchLabels(http: HttpClient, siteId?: string): Promise<Label[]> {
  return http.request({ method: 'GET', path: '/v1/labels', query: { siteId } });
}

export function createLabel(http: HttpClient, body: CreateLabelRequest): Promise<Label> {
  return http.request({ method: 'POST', path: '/v1/labels', body });
}

export function updateLabel(http: HttpClient, labelId: string, body: UpdateLabelRequest): Promise<Label> {
  return http.request({ method: 'PATCH', path: `/v1/labels/${encodeURIComponent(labelId)}`, body });
}

/** The signed-in agent's own mentions, newest first. */
export function fetchMentions(http: HttpClient, options: MentionListOptions = {}): Promise<MentionPage> {
  return http.request({
    method: 'GET',
    path: '/v1/mentions',
    query: { unread: options.unread ? 'true' : undefined, limit: options.limit, cursor: options.cursor },
  });
}

/** The site as a visitor sees it, before any session: nothing is created, nothing needs a token. */
export function fetchPublicSite(http: HttpClient, siteKey: string): Promise<PublicSite> {
  return http.request({
    method: 'GET',
    path: `/v1/sites/by-key/${encodeURIComponent(siteKey)}/public`,
    authenticated: false,
  });
}

export function fetchUploadLimits(http: HttpClient): Promise<UploadLimits> {
  return http.request({ method: 'GET', path: '/v1/uploads/limits' });
}

export function fetchCannedResponses(
  http: HttpClient,
  query: CannedResponseListQuery = {},
): Promise<CannedResponse[]> {
  return http.request({
    method: 'GET',
    path: '/v1/canned-responses',
    query: { siteId: query.siteId, q: query.q, category: query.category },
  });
}

export function createCannedResponse(
  http: HttpClient,
  body: CreateCannedResponseRequest,
): Promise<CannedResponse> {
  return http.request({ method: 'POST', path: '/v1/canned-responses', body });
}

export function updateCannedResponse(
  http: HttpClient,
  id: string,
  body: UpdateCannedResponseRequest,
): Promise<CannedResponse> {
  return http.request({ method: 'PATCH', path: `/v1/canned-responses/${encodeURIComponent(id)}`, body });
}

export function deleteCannedResponse(http: HttpClient, id: string): Promise<void> {
  return http.request({ method: 'DELETE', path: `/v1/canned-responses/${encodeURIComponent(id)}` });
}
