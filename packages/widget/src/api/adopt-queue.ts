// Runs in the lazily loaded chunk, never in the loader (whose bytes are counted): until the chunk
// arrives, `window.Switchboard` stays the page's own array and simply collects calls.
import { ELEMENT_METHODS } from './global.js';

export interface QueueShim {
  /** What becomes `window.Switchboard`; `installSwitchboardGlobal` fills in the methods. */
  api: Record<string, unknown>;
  /** The calls waiting for the element, in order. */
  queue: unknown[];
}

/**
 * Takes over the page's queue (`window.Switchboard = window.Switchboard || []`): `on` and `off`
 * attach to the element at once — before it is defined, so `ready` is never missed — and every
 * other call waits, in order, for `installSwitchboardGlobal`.
 */
export function createQueueShim(element: EventTarget, earlier: unknown): QueueShim {
  const queue: unknown[] = [];
  const push = (...calls: unknown[][]) => {
    for (const call of calls) {
      const [name, type, handler] = call as [string, string, EventListener];
      if (name === 'on') element.addEventListener(`switchboard-${type}`, handler);
      else if (name === 'off') element.removeEventListener(`switchboard-${type}`, handler);
      else queue.push(call);
    }
  };
  const api: Record<string, unknown> = { push };
  for (const name of Object.keys(ELEMENT_METHODS)) api[name] = (...args: unknown[]) => push([name, ...args]);
  if (Array.isArray(earlier)) push(...(earlier as unknown[][]));
  return { api, queue };
}
