// The contact's context from the shop and sharing its products as cards (issue 6).
import type { Card, ContextProduct } from '@switchboard/protocol';
import { fetchContactContext } from '../core/api.js';
import type { HttpClient } from '../core/http.js';
import type { AgentClient } from '../types.js';
import type { ContactContextControls } from './context-types.js';

/** Just the card's fields: the shop's product id means nothing to the visitor. */
export function productCard(product: ContextProduct): Card {
  const { title, subtitle, price, imageUrl, url } = product;
  return {
    title,
    ...(subtitle !== undefined && { subtitle }),
    ...(price !== undefined && { price }),
    ...(imageUrl !== undefined && { imageUrl }),
    ...(url !== undefined && { url }),
  };
}

export function createAgentContext({
  http,
  sendMessage,
}: {
  http: HttpClient;
  sendMessage: AgentClient['sendMessage'];
}): ContactContextControls {
  return {
    context: (conversationId) => fetchContactContext(http, conversationId),
    shareProduct: (conversationId, product, { text = '', clientMessageId } = {}) =>
      sendMessage(conversationId, text, {
        cards: [productCard(product)],
        ...(clientMessageId !== undefined && { clientMessageId }),
      }),
  };
}
