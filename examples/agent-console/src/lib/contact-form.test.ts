import type { Contact } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { attributeValue, contactChanges, contactForm } from './contact-form.js';

const contact: Contact = {
  id: 'k1',
  siteId: 's1',
  externalId: null,
  name: 'Ada',
  email: 'ada@example.com',
  phone: null,
  avatarUrl: null,
  attributes: { plan: 'pro', seats: 3, trial: true, gone: null },
  preChat: null,
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('contactChanges', () => {
  it('is null for an untouched form', () => {
    expect(contactChanges(contact, contactForm(contact))).toBeNull();
  });

  it('sends only what changed: cleared fields as null, removed attributes as null', () => {
    const form = contactForm(contact);
    form.email = '  ';
    form.phone = '+44 20 7946 0958';
    form.attributes = [
      { key: 'seats', value: '5' },
      { key: 'trial', value: 'no' },
      { key: ' region ', value: ' EU ' },
      { key: '', value: 'ignored' },
    ];
    expect(contactChanges(contact, form)).toEqual({
      email: null,
      phone: '+44 20 7946 0958',
      attributes: { seats: 5, trial: false, region: 'EU', plan: null },
    });
  });
});

describe('attributeValue', () => {
  it('keeps numbers and booleans when the text still reads as one', () => {
    expect(attributeValue('12', 3)).toBe(12);
    expect(attributeValue('twelve', 3)).toBe('twelve');
    expect(attributeValue('Yes', false)).toBe(true);
    expect(attributeValue('12', undefined)).toBe('12');
  });
});
