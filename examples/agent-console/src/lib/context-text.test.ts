import { describe, expect, it } from 'vitest';
import { orderItemsText, orderTitle, shareLabel } from './context-text.js';

const item = (title: string, quantity = 1) => ({ productId: title, title, quantity });

describe('order and product wording', () => {
  it('titles an order by its number, else by the shop id', () => {
    expect(orderTitle({ id: 'ord_1', number: 'A104822' })).toBe('Order A104822');
    expect(orderTitle({ id: 'ord_1' })).toBe('Order ord_1');
  });

  it('lists the first lines with quantities, and counts the rest', () => {
    expect(orderItemsText([])).toBe('');
    expect(orderItemsText([item('Ridge 2P tent'), item('Merino socks', 2)])).toBe(
      'Ridge 2P tent, 2 × Merino socks',
    );
    expect(orderItemsText([item('A'), item('B'), item('C'), item('D'), item('E')])).toBe('A, B, C +2 more');
  });

  it('names the product and its price on the Share button', () => {
    expect(shareLabel({ title: 'Trail 38 pack', price: '€129' })).toBe(
      'Share Trail 38 pack (€129) with the visitor',
    );
    expect(shareLabel({ title: 'Gift card' })).toBe('Share Gift card with the visitor');
  });
});
