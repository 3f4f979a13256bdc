// The agent client's view of the shop: the contact's orders and products, and sharing a product.
import type { ContactContext, ContextProduct, Message } from '@switchboard/protocol';

/** How `shareProduct` sends. */
export interface ShareProductOptions {
  /** Words above the card, e.g. "This one fits your tent". @default none: the card alone */
  text?: string;
  /** Reuse an id to retry a share made elsewhere (a ULID). @default a freshly minted ULID */
  clientMessageId?: string;
}

export interface ContactContextControls {
  /**
   * What the shop knows about the conversation's contact (`GET /v1/conversations/:id/context`):
   * their recent orders, newest first, and products worth showing. Read from the server's context
   * provider each time (the server caches briefly); not kept in the state. A contact the shop does
   * not know, or a server with no provider, gives empty lists. Rejects with `context_unavailable`
   * when the provider is down or answers nonsense (worth retrying later), `forbidden` for a
   * non-agent, `not_found` for a conversation you may not see.
   */
  context(conversationId: string): Promise<ContactContext>;
  /**
   * Sends a product to the visitor as a card (title, subtitle, price, picture and link), through
   * the outbox like `sendMessage`, so it survives a dropped connection. Only the card's fields
   * are sent, never the shop's product id. The conversation must be yours to answer, as for any
   * message: `conflict` while the bot has it, `conversation_closed` once it is resolved.
   */
  shareProduct(
    conversationId: string,
    product: ContextProduct,
    options?: ShareProductOptions,
  ): Promise<Message>;
}
