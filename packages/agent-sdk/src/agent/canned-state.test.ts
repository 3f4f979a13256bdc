import { describe, expect, it } from 'vitest';
import { cannedResponse as canned } from '../testing/factories.js';
import { mergeCannedList, removeCanned, upsertCanned } from './canned-state.js';

const never = (): boolean => false;
const none: ReadonlySet<string> = new Set();

describe('upsertCanned', () => {
  it('adds a response and replaces an older copy', () => {
    const held = upsertCanned({}, canned('a', 1), none);
    expect(held).toEqual({ a: canned('a', 1) });
    const newer = canned('a', 2, { title: 'New' });
    expect(upsertCanned(held, newer, none).a).toBe(newer);
  });

  it('keeps a newer copy and the same object for the same copy', () => {
    const held = { a: canned('a', 5) };
    expect(upsertCanned(held, canned('a', 4, { title: 'stale' }), none)).toBe(held);
    expect(upsertCanned(held, canned('a', 5), none)).toBe(held);
  });

  it('takes the incoming copy when both carry the same time but differ', () => {
    const held = { a: canned('a', 5) };
    expect(upsertCanned(held, canned('a', 5, { body: 'later write' }), none).a?.body).toBe('later write');
  });

  it('never brings back a deleted response', () => {
    const held = {};
    expect(upsertCanned(held, canned('a', 9), new Set(['a']))).toBe(held);
  });
});

describe('removeCanned', () => {
  it('drops the response, and changes nothing for an unknown one', () => {
    const held = { a: canned('a'), b: canned('b') };
    expect(removeCanned(held, 'a')).toEqual({ b: held.b });
    expect(removeCanned(held, 'x')).toBe(held);
  });
});

describe('mergeCannedList', () => {
  const all = { covers: () => true, changedSince: never, deleted: none };

  it('takes a whole list, dropping what it no longer has', () => {
    const held = { a: canned('a'), gone: canned('gone') };
    const next = mergeCannedList(held, [canned('a'), canned('b')], all);
    expect(Object.keys(next).sort()).toEqual(['a', 'b']);
    expect(next.a).toBe(held.a);
  });

  it('keeps the held object when the list says nothing new', () => {
    const held = { a: canned('a') };
    expect(mergeCannedList(held, [canned('a')], all)).toBe(held);
  });

  it('keeps what live events did while the list was on its way', () => {
    const held = { a: canned('a', 7, { title: 'edited live' }), fresh: canned('fresh', 7) };
    const next = mergeCannedList(held, [canned('a', 3), canned('deleted-live', 1)], {
      covers: () => true,
      changedSince: (id) => id === 'fresh' || id === 'a',
      deleted: new Set(['deleted-live']),
    });
    expect(next).toEqual({ a: held.a, fresh: held.fresh });
  });

  it('drops only within what a site list covers', () => {
    const other = canned('other', 0, { siteId: 'site_2' });
    const held = { a: canned('a'), other };
    const next = mergeCannedList(held, [], { ...all, covers: (r) => r.siteId === 'site_1' });
    expect(next).toEqual({ other });
  });

  it('only adds and refreshes from a search', () => {
    const held = { a: canned('a', 1), b: canned('b', 1) };
    const next = mergeCannedList(held, [canned('a', 2, { title: 'newer' })], { ...all, covers: null });
    expect(next.a?.title).toBe('newer');
    expect(next.b).toBe(held.b);
  });
});
