import type { AgentClient } from '@switchboard/agent-sdk';
import type {
  Contact,
  ContactContext,
  ContextOrder,
  ContextProduct,
  Conversation,
} from '@switchboard/protocol';
import { orderItemsText, orderTitle, shareLabel } from '../lib/context-text.js';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';
import { formatFullTime, formatRelativeTime } from '../lib/relative-time.js';
import { Disposer, watch } from '../lib/watch.js';
import { detailsSection, formError, showError } from './details-section.js';

export interface OrdersSection {
  element: HTMLElement;
  show(conversation: Conversation | undefined): void;
  dispose(): void;
}

/** What the shop looks a contact up by: when it changes, their orders may too. */
function identityKey(contact: Contact | undefined): string | null {
  return contact ? JSON.stringify([contact.email, contact.phone, contact.externalId]) : null;
}

/**
 * The contact's recent orders (status, total, lines) and products from the shop, read from the
 * server's context provider when a conversation opens and again when the contact's email, phone
 * or id changes. Share sends a product to the visitor as a card in the open conversation.
 */
export function ordersSection(client: AgentClient): OrdersSection {
  const status = h('p', { className: 'details-status', testId: 'orders-status', attrs: { role: 'status' } });
  const orders = h('ul', { className: 'context-list', testId: 'context-orders' });
  const ordersEmpty = h('p', { className: 'details-empty', testId: 'orders-empty', text: 'No orders.' });
  const productsHeading = h('h4', { className: 'details-subheading', text: 'Products' });
  const products = h('ul', { className: 'context-list', testId: 'context-products' });
  const error = formError('orders-error');
  const retry = h('button', {
    className: 'link-button',
    testId: 'orders-retry',
    text: 'Try again',
    attrs: { type: 'button' },
  });
  const element = detailsSection(
    'orders-section',
    'Orders',
    status,
    orders,
    ordersEmpty,
    productsHeading,
    products,
    error,
    retry,
  );
  const watchers = new Disposer();
  let current: Conversation | undefined;
  /** Bumped per read, so a slow answer never lands in another conversation's pane. */
  let version = 0;

  function orderItem(order: ContextOrder): HTMLLIElement {
    const title = order.url
      ? h('a', {
          className: 'context-title',
          text: orderTitle(order),
          attrs: { href: order.url, target: '_blank', rel: 'noopener noreferrer' },
        })
      : h('span', { className: 'context-title', text: orderTitle(order) });
    const items = orderItemsText(order.items);
    return h(
      'li',
      { className: 'context-item', testId: 'context-order', attrs: { 'data-order-id': order.id } },
      h(
        'div',
        { className: 'context-row' },
        title,
        h('span', { className: 'status-badge', testId: 'order-status', text: order.status }),
      ),
      h(
        'div',
        { className: 'context-row context-meta' },
        h('span', { testId: 'order-total', text: order.total }),
        h('span', {
          text: formatRelativeTime(order.placedAt, Date.now()),
          attrs: { title: formatFullTime(order.placedAt) },
        }),
      ),
      ...(items ? [h('p', { className: 'context-meta', testId: 'order-items', text: items })] : []),
    );
  }

  function productItem(product: ContextProduct): HTMLLIElement {
    const share = h('button', {
      className: 'button subtle',
      testId: 'product-share',
      text: 'Share',
      attrs: { type: 'button', 'aria-label': shareLabel(product) },
    });
    share.addEventListener('click', () => shareProduct(product, share));
    return h(
      'li',
      { className: 'context-item', testId: 'context-product', attrs: { 'data-product-id': product.id } },
      h(
        'div',
        { className: 'context-row' },
        h('span', { className: 'context-title', text: product.title }),
        ...(product.price ? [h('span', { className: 'context-price', text: product.price })] : []),
      ),
      ...(product.subtitle ? [h('p', { className: 'context-meta', text: product.subtitle })] : []),
      share,
    );
  }

  function shareProduct(product: ContextProduct, button: HTMLButtonElement): void {
    if (current === undefined) return;
    const asked = version;
    button.disabled = true;
    showError(error, null);
    // Until the server has it (the outbox keeps it across a dropped connection): one click, one card.
    client
      .shareProduct(current.id, product)
      .then(
        () => {
          if (asked === version) status.textContent = `Sent ${product.title} to the visitor.`;
        },
        (reason: unknown) => {
          if (asked === version) showError(error, describeError(reason));
        },
      )
      .finally(() => (button.disabled = false));
  }

  function render(context: ContactContext): void {
    orders.replaceChildren(...context.orders.map(orderItem));
    products.replaceChildren(...context.products.map(productItem));
    ordersEmpty.hidden = context.orders.length > 0;
    productsHeading.hidden = products.hidden = context.products.length === 0;
  }

  function clear(): void {
    orders.replaceChildren();
    products.replaceChildren();
    ordersEmpty.hidden = productsHeading.hidden = products.hidden = retry.hidden = true;
    status.textContent = '';
    showError(error, null);
  }

  function load(): void {
    if (current === undefined) return;
    const asked = ++version;
    clear();
    status.textContent = 'Loading orders…';
    client.context(current.id).then(
      (context) => {
        if (asked !== version) return;
        status.textContent = '';
        render(context);
      },
      (reason: unknown) => {
        if (asked !== version) return;
        status.textContent = '';
        showError(error, describeError(reason));
        retry.hidden = false;
      },
    );
  }

  retry.addEventListener('click', load);
  clear();

  return {
    element,
    show(next) {
      if (next?.id === current?.id) return;
      current = next;
      watchers.dispose();
      if (next === undefined) {
        version++;
        clear();
        return;
      }
      load();
      // The contact arrives in the state after the pane opens: only a change of a known one counts.
      let known: string | null = null;
      watchers.add(
        watch(
          client,
          (state) => identityKey(state.contacts[next.contactId]),
          (key) => {
            if (known !== null && key !== null && key !== known) load();
            known = key ?? known;
          },
        ),
      );
    },
    dispose() {
      watchers.dispose();
    },
  };
}
