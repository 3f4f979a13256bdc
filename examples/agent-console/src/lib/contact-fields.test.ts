import { describe, expect, it } from 'vitest';
import { contactFields, fieldLabel } from './contact-fields.js';

describe('contactFields', () => {
  it('lists name and email, known or not, then every attribute', () => {
    expect(
      contactFields({
        name: null,
        email: 'ada@example.com',
        attributes: { orderNumber: 'A123456', vip: true, visits: 3, cleared: null },
      }),
    ).toEqual([
      { name: 'name', label: 'Name', value: '' },
      { name: 'email', label: 'Email', value: 'ada@example.com' },
      { name: 'orderNumber', label: 'Order number', value: 'A123456' },
      { name: 'vip', label: 'Vip', value: 'Yes' },
      { name: 'visits', label: 'Visits', value: '3' },
    ]);
  });
});

describe('fieldLabel', () => {
  it('turns camelCase and snake_case keys into words', () => {
    expect(fieldLabel('orderNumber')).toBe('Order number');
    expect(fieldLabel('plan_tier')).toBe('Plan tier');
    expect(fieldLabel('email')).toBe('Email');
    expect(fieldLabel('accountID2')).toBe('Account id2');
  });
});
