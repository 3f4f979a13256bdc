import { describe, expect, it, vi } from 'vitest';
import { installSwitchboardGlobal, type SwitchboardTarget } from './global.js';
import { createQueueShim } from './adopt-queue.js';

/** What the element does with each call, in order. */
function fakeElement(): SwitchboardTarget & { calls: unknown[][] } {
  const target = new EventTarget();
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve();
    };
  return Object.assign(target, {
    calls,
    show: record('show'),
    hide: record('hide'),
    toggle: record('toggle'),
    setUser: record('setUser'),
    setAttributes: record('setAttributes'),
    setLocale: record('setLocale'),
    reset: record('reset'),
    on: (name: string, handler: EventListener) => target.addEventListener(`switchboard-${name}`, handler),
    off: (name: string, handler: EventListener) => target.removeEventListener(`switchboard-${name}`, handler),
  }) as unknown as SwitchboardTarget & { calls: unknown[][] };
}

describe('taking over the page’s queue', () => {
  it('takes the page’s queue in order and keeps queueing pushes and method calls', () => {
    const element = new EventTarget();
    const { api, queue } = createQueueShim(element, [['setUser', { id: 'u1' }], ['open']]);
    (api.push as (...c: unknown[]) => void)(['setLocale', 'de']);
    (api.close as () => void)();
    expect(queue).toEqual([['setUser', { id: 'u1' }], ['open'], ['setLocale', 'de'], ['close']]);
  });

  it('attaches on/off to the element at once, queued or not', () => {
    const element = new EventTarget();
    const ready = vi.fn();
    const open = vi.fn();
    const { api, queue } = createQueueShim(element, [['on', 'ready', ready]]);
    (api.on as (n: string, h: () => void) => void)('open', open);
    element.dispatchEvent(new Event('switchboard-ready'));
    element.dispatchEvent(new Event('switchboard-open'));
    (api.off as (n: string, h: () => void) => void)('open', open);
    element.dispatchEvent(new Event('switchboard-open'));
    expect(ready).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledTimes(1);
    expect(queue).toEqual([]);
  });

  it('ignores anything but an array left in window.Switchboard', () => {
    expect(createQueueShim(new EventTarget(), undefined).queue).toEqual([]);
    expect(createQueueShim(new EventTarget(), { push() {} }).queue).toEqual([]);
  });
});

describe('installSwitchboardGlobal', () => {
  it('runs the queued calls in order, then makes push and the methods act at once', () => {
    const element = fakeElement();
    const { api, queue } = createQueueShim(element, [['setUser', { id: 'u1' }], ['open']]);
    const held = api; // a page may keep the object the shim put in place
    installSwitchboardGlobal(api, element, queue);
    expect(element.calls).toEqual([['setUser', { id: 'u1' }], ['show']]);

    (held.push as (...c: unknown[]) => void)(['setAttributes', { plan: 'pro' }], ['toggle']);
    (held.close as () => void)();
    (held.reset as () => void)();
    expect(element.calls.slice(2)).toEqual([
      ['setAttributes', { plan: 'pro' }],
      ['toggle'],
      ['hide'],
      ['reset'],
    ]);
    // A method called directly gives the page the element's promise, to await.
    expect((held.setLocale as (locale: string) => unknown)('de')).toBeInstanceOf(Promise);
    expect(element.calls.at(-1)).toEqual(['setLocale', 'de']);
  });

  it('warns about an unknown method and carries on with the next call', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = fakeElement();
    installSwitchboardGlobal({}, element, [['explode'], ['toString'], 'junk', ['setLocale', 'es']]);
    expect(element.calls).toEqual([['setLocale', 'es']]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('keeps a throwing call from stopping the queue', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const element = fakeElement();
    element.show = () => {
      throw new Error('boom');
    };
    installSwitchboardGlobal({}, element, [['open'], ['reset']]);
    expect(element.calls).toEqual([['reset']]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
