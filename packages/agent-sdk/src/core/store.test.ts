import { describe, expect, it, vi } from 'vitest';
import { createStore } from './store.js';

interface State {
  count: number;
  items: readonly string[];
  label: string;
}

const initial = (): State => ({ count: 0, items: [], label: 'a' });

describe('createStore', () => {
  it('hands out frozen snapshots and never mutates an old one', () => {
    const store = createStore(initial());
    const before = store.getSnapshot();
    store.setState({ count: 1 });
    const after = store.getSnapshot();

    expect(before.count).toBe(0);
    expect(after.count).toBe(1);
    expect(after).not.toBe(before);
    expect(Object.isFrozen(after)).toBe(true);
    expect(() => {
      (after as { count: number }).count = 5;
    }).toThrow(TypeError);
  });

  it('keeps the same snapshot when an update changes nothing', () => {
    const store = createStore(initial());
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.setState({ count: 0, label: 'a' });
    expect(store.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('never hands a listener an older snapshot after a newer one when a listener updates the state', () => {
    const store = createStore(initial());
    // Derives `label` from `count`, as the SDK derives marks from a conversation snapshot.
    store.select(
      (state) => state.count,
      (count) => store.setState({ label: `count ${count}` }),
    );
    const seen: string[] = [];
    store.subscribe((state) => seen.push(`${state.count}/${state.label}`));
    store.setState({ count: 1 });
    expect(seen).toEqual(['1/count 1']);
    expect(store.getSnapshot()).toMatchObject({ count: 1, label: 'count 1' });
  });

  it('passes the current snapshot to functional updates', () => {
    const store = createStore(initial());
    store.setState((state) => ({ count: state.count + 1 }));
    store.setState((state) => ({ count: state.count + 1 }));
    expect(store.getSnapshot().count).toBe(2);
  });

  it('notifies subscribers with the new snapshot until they unsubscribe', () => {
    const store = createStore(initial());
    const seen: number[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state.count));
    store.setState({ count: 1 });
    store.setState({ count: 2 });
    unsubscribe();
    store.setState({ count: 3 });
    expect(seen).toEqual([1, 2]);
  });

  it('fires select listeners only when their slice changes by Object.is', () => {
    const store = createStore(initial());
    const onCount = vi.fn();
    const onItems = vi.fn();
    store.select((state) => state.count, onCount);
    store.select((state) => state.items, onItems);

    store.setState({ label: 'b' });
    expect(onCount).not.toHaveBeenCalled();
    expect(onItems).not.toHaveBeenCalled();

    store.setState({ count: 1 });
    expect(onCount).toHaveBeenCalledExactlyOnceWith(1);
    expect(onItems).not.toHaveBeenCalled();

    // An equal-looking but new array is a change; the same array is not.
    const items = ['x'];
    store.setState({ items });
    store.setState({ items, label: 'c' });
    expect(onItems).toHaveBeenCalledExactlyOnceWith(items);
  });

  it('stops a select listener on unsubscribe, leaving the others', () => {
    const store = createStore(initial());
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = store.select((state) => state.count, first);
    store.select((state) => state.count, second);
    stopFirst();
    store.setState({ count: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(1);
  });

  it('lets the same function subscribe twice and unsubscribe each independently', () => {
    const store = createStore(initial());
    const listener = vi.fn();
    const a = store.subscribe(listener);
    store.subscribe(listener);
    a();
    store.setState({ count: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps notifying the others when a listener throws', async () => {
    const store = createStore(initial());
    const errors: unknown[] = [];
    const onError = (error: unknown): void => {
      errors.push(error);
    };
    process.on('uncaughtException', onError);
    const listener = vi.fn();
    store.subscribe(() => {
      throw new Error('boom');
    });
    store.subscribe(listener);
    store.setState({ count: 1 });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ count: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('uncaughtException', onError);
    expect(errors).toHaveLength(1);
  });
});
