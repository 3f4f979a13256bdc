// `GET /v1/conversations`: an agent's inbox, page by page, and a visitor's own conversations.
import type { ConversationListQuery, ConversationPage } from '@switchboard/protocol';
import type { HttpClient } from './http.js';

export function fetchConversations(
  http: HttpClient,
  query: Partial<ConversationListQuery> = {},
): Promise<ConversationPage> {
  return http.request({
    method: 'GET',
    path: '/v1/conversations',
    // Named one by one: a stray key from an app's object must not reach the strict query.
    query: {
      view: query.view,
      status: query.status,
      channel: query.channel,
      priority: query.priority,
      queueId: query.queueId,
      assigneeId: query.assigneeId,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      tag: query.tag,
      labelId: query.labelId,
      // A blank search box searches nothing.
      q: query.q?.trim() || undefined,
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}
