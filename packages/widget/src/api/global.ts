import type { Attributes } from '@switchboard/protocol';
import type { SwitchboardEventHandler, SwitchboardEventName } from './event-map.js';
import type { SwitchboardUser } from './user-profile.js';

/** What `window.Switchboard` forwards to `<switchboard-chat>`. */
export interface SwitchboardMethods {
  /** Opens the panel. */
  open(): void;
  /** Closes the panel. */
  close(): void;
  /** Opens the panel if closed, else closes it. */
  toggle(): void;
  /** Names your logged-in user; see `SwitchboardChat.setUser`. */
  setUser(user: SwitchboardUser): Promise<void> | void;
  /** Adds profile attributes; see `SwitchboardChat.setAttributes`. */
  setAttributes(attributes: Attributes): Promise<void> | void;
  /** Switches the language (a BCP 47 tag). */
  setLocale(locale: string): Promise<void> | void;
  /** Forgets the visitor, e.g. on logout. */
  reset(): void;
  /** Listens to an event by its short name (`ready`, `open`, `message-send`, …). */
  on<Name extends SwitchboardEventName>(name: Name, handler: SwitchboardEventHandler<Name>): void;
  off<Name extends SwitchboardEventName>(name: Name, handler: SwitchboardEventHandler<Name>): void;
}

/** A call as pushed onto the queue: `['setUser', { id: 'u1' }]`. */
export type SwitchboardCommand = {
  [Name in keyof SwitchboardMethods]: [Name, ...Parameters<SwitchboardMethods[Name]>];
}[keyof SwitchboardMethods];

/**
 * `window.Switchboard` once the loader ran: the methods, plus `push` so that snippets written for
 * the queue keep working. Before the element has loaded, calls are queued (and return nothing);
 * `on` and `off` act at once.
 */
export interface SwitchboardGlobal extends SwitchboardMethods {
  push(...commands: SwitchboardCommand[]): void;
}

declare global {
  interface Window {
    /** Set it to `window.Switchboard || []` to queue calls before the loader runs. */
    Switchboard?: SwitchboardGlobal | SwitchboardCommand[];
  }
}

/** The element methods the global calls (`open` is the element's property, hence `show`). */
export interface SwitchboardTarget extends EventTarget {
  show(): void;
  hide(): void;
  toggle(): void;
  setUser(user: SwitchboardUser): Promise<void>;
  setAttributes(attributes: Attributes): Promise<void>;
  setLocale(locale: string): Promise<void>;
  reset(): void;
  on: SwitchboardMethods['on'];
  off: SwitchboardMethods['off'];
}

/**
 * Each method of `window.Switchboard`, by the element's method it calls (`open` is the element's
 * property, hence `show`). The shim that queues calls before the element has loaded names the
 * same methods (see `createQueueShim`).
 */
export const ELEMENT_METHODS = {
  open: 'show',
  close: 'hide',
  toggle: 'toggle',
  setUser: 'setUser',
  setAttributes: 'setAttributes',
  setLocale: 'setLocale',
  reset: 'reset',
  on: 'on',
  off: 'off',
} as const satisfies Record<keyof SwitchboardMethods, keyof SwitchboardTarget>;

type MethodName = keyof typeof ELEMENT_METHODS;

/**
 * Points the methods of `api` (the loader's shim) at the element and runs the calls queued until
 * now, in order. `api` is changed in place: pages may hold on to it.
 */
export function installSwitchboardGlobal(
  api: Record<string, unknown>,
  element: SwitchboardTarget,
  queued: readonly unknown[],
): void {
  const call = (name: MethodName, args: unknown[]): unknown =>
    (element[ELEMENT_METHODS[name]] as (...args: unknown[]) => unknown).apply(element, args);
  for (const name of Object.keys(ELEMENT_METHODS) as MethodName[])
    api[name] = (...args: unknown[]) => call(name, args);
  // A queued call, or one pushed: a page's mistake in one must not stop the calls after it.
  const run = (command: unknown) => {
    if (!Array.isArray(command)) return;
    const [name, ...args] = command as [string, ...unknown[]];
    if (!Object.hasOwn(ELEMENT_METHODS, name)) {
      console.warn(`[switchboard] unknown method ${String(name)}`);
      return;
    }
    try {
      const result = call(name as MethodName, args);
      if (result instanceof Promise) result.catch((error: unknown) => console.error(error));
    } catch (error) {
      console.error(error);
    }
  };
  api.push = (...commands: unknown[]) => {
    for (const command of commands) run(command);
  };
  for (const command of queued) run(command);
}
