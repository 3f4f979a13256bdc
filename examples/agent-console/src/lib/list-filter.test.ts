import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/factories.js';
import { channelOf, filterFields, isFiltered, NO_FILTER, passesFilter, priorityOf } from './list-filter.js';

describe('list filter', () => {
  it('passes everything when nothing is set', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(passesFilter(conversation('c1'), NO_FILTER, null, null)).toBe(true);
  });

  it('narrows by channel and priority with the protocol rule', () => {
    const urgentMail = conversation('c1', { channel: 'email', priority: 'urgent' });
    const filter = { q: '', channel: 'email' as const, priority: 'urgent' as const };
    expect(filterFields(filter)).toEqual({ channel: 'email', priority: 'urgent' });
    expect(passesFilter(urgentMail, filter, null, null)).toBe(true);
    expect(passesFilter(conversation('c1', { channel: 'web', priority: 'urgent' }), filter, null, null)).toBe(
      false,
    );
    expect(passesFilter(conversation('c1', { channel: 'email', priority: 'low' }), filter, null, null)).toBe(
      false,
    );
  });

  it('keeps to the server’s results during a search', () => {
    const hit = conversation('hit');
    const miss = conversation('miss');
    const filter = { ...NO_FILTER, q: 'ada' };
    expect(isFiltered(filter)).toBe(true);
    expect(passesFilter(hit, filter, new Set(['hit']), null)).toBe(true);
    expect(passesFilter(miss, filter, new Set(['hit']), null)).toBe(false);
  });

  it('reads select values, refusing anything else', () => {
    expect(channelOf('whatsapp')).toBe('whatsapp');
    expect(channelOf('')).toBeNull();
    expect(channelOf('fax')).toBeNull();
    expect(priorityOf('high')).toBe('high');
    expect(priorityOf('asap')).toBeNull();
  });
});
