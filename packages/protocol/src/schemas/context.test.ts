import { describe, expect, it } from 'vitest';
import { ContactContext, ContextProduct, MAX_CONTEXT_ORDERS } from './context.js';
import { Card } from './message.js';

const order = {
  id: 'ord_1',
  number: 'A100231',
  status: 'Shipped',
  total: '€378.00',
  placedAt: '2025-03-02T10:15:00+01:00',
  url: 'https://shop.example/admin/orders/1',
  items: [{ productId: 'tent', title: 'Ridge 2P tent', quantity: 1 }],
};
const product = {
  id: 'tent',
  title: 'Ridge 2P tent',
  subtitle: 'Three seasons',
  price: '€249',
  imageUrl: '/images/ridge-2p-tent.svg',
  url: '/#tents',
};

describe('ContactContext', () => {
  it('takes orders and products, normalising times to UTC and dropping fields we do not show', () => {
    const parsed = ContactContext.parse({
      orders: [{ ...order, currency: 'EUR' }],
      products: [{ ...product, stock: 3 }],
      loyaltyTier: 'gold',
    });
    expect(parsed).toEqual({
      orders: [{ ...order, placedAt: '2025-03-02T09:15:00.000Z' }],
      products: [product],
    });
  });

  it('reads missing lists and order lines as empty', () => {
    expect(ContactContext.parse({})).toEqual({ orders: [], products: [] });
    const { items: _items, ...bare } = order;
    expect(ContactContext.parse({ orders: [bare] }).orders[0]?.items).toEqual([]);
  });

  it.each([
    ['an order without a status', { orders: [{ ...order, status: '' }] }],
    ['an order whose total is a number', { orders: [{ ...order, total: 378 }] }],
    ['a date that is not ISO 8601', { orders: [{ ...order, placedAt: '2 March 2025' }] }],
    ['a zero quantity', { orders: [{ ...order, items: [{ ...order.items[0], quantity: 0 }] }] }],
    ['an order link to a script', { orders: [{ ...order, url: 'javascript:alert(1)' }] }],
    ['a product image over http', { products: [{ ...product, imageUrl: 'http://shop.example/x.png' }] }],
    ['a product title longer than a card allows', { products: [{ ...product, title: 'x'.repeat(81) }] }],
    ['a product without an id', { products: [{ title: 'Tent' }] }],
    ['too many orders', { orders: Array.from({ length: MAX_CONTEXT_ORDERS + 1 }, () => order) }],
  ])('refuses %s', (_label, value) => {
    expect(ContactContext.safeParse(value).success).toBe(false);
  });

  it('keeps a product a valid card once its id is left out', () => {
    const { id, ...card } = ContextProduct.parse(product);
    expect(id).toBe('tent');
    expect(Card.parse(card)).toEqual(card);
  });
});
