// How the details pane words a contact's orders and products: short lines for a narrow pane.
import type { ContextOrder, ContextProduct } from '@switchboard/protocol';

/** Lines of an order shown before "+N more". */
const ITEMS_SHOWN = 3;

/** "Order A104822": the number the customer knows, else the shop's id. */
export function orderTitle(order: Pick<ContextOrder, 'id' | 'number'>): string {
  return `Order ${order.number ?? order.id}`;
}

/** "2 × Merino socks, Ridge 2P tent +1 more"; empty for an order without lines. */
export function orderItemsText(items: ContextOrder['items']): string {
  const shown = items
    .slice(0, ITEMS_SHOWN)
    .map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.title}` : item.title));
  const more = items.length - ITEMS_SHOWN;
  return more > 0 ? `${shown.join(', ')} +${more} more` : shown.join(', ');
}

/** What the Share button reads to a screen reader. */
export function shareLabel(product: Pick<ContextProduct, 'title' | 'price'>): string {
  return product.price
    ? `Share ${product.title} (${product.price}) with the visitor`
    : `Share ${product.title} with the visitor`;
}
