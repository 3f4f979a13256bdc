// The element the visitor sees, as a component test renders it: `<switchboard-chat>` in this
// page's DOM with a fake visitor client in place of the SDK's, so every test drives the real
// templates, controllers and events, with the server's side played by `client.setState`.
import type { VisitorClient, VisitorClientOptions, VisitorState } from '@switchboard/agent-sdk';
import { fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing-helpers';
import { nothing } from 'lit';
import { SwitchboardChat } from '../src/chat/chat.js';
import { partsLoaded } from '../src/chat/lazy.js';
import { fakeVisitorClient, type FakeVisitorClient } from './fake-visitor-client.js';

/** `<switchboard-chat>` whose `createClient` hands out the test's fake. */
export class TestChat extends SwitchboardChat {
  fakeClient: VisitorClient | null = null;
  /** The options the element built its client with. */
  clientOptions: VisitorClientOptions | null = null;

  protected override createClient(options: VisitorClientOptions): VisitorClient {
    this.clientOptions = options;
    return this.fakeClient ?? super.createClient(options);
  }
}

if (!customElements.get('switchboard-chat')) customElements.define('switchboard-chat', TestChat);

// Each test starts from an empty page: fixtures (and the elements' controllers) go after each.
afterEach(() => fixtureCleanup());

export interface ChatFixtureOptions {
  /** The visitor client's state to start from. */
  state?: Partial<VisitorState>;
  /** Behaviours of the fake client that replace its defaults (see `fakeVisitorClient`). */
  client?: Partial<VisitorClient>;
  /** Without a site key and server URL the chat is not configured. @default true */
  configured?: boolean;
  open?: boolean;
  theme?: string;
  position?: string;
  locale?: string;
  heading?: string;
}

export interface ChatFixture {
  chat: TestChat;
  client: FakeVisitorClient;
  root: ShadowRoot;
  /** The first element with the part, or throws: a missing part fails the test with its name. */
  part<E extends HTMLElement = HTMLElement>(name: string): E;
  /** The first element with the part, or null. */
  maybePart<E extends HTMLElement = HTMLElement>(name: string): E | null;
  parts<E extends HTMLElement = HTMLElement>(name: string): E[];
  /** Changes the client's state and waits for the element to draw it. */
  update(state: Partial<VisitorState>): Promise<void>;
  /** Waits until the element is drawn, with any part it had to load first (see `settled`). */
  settle(): Promise<void>;
}

/**
 * Waits until `chat` has drawn everything, including the parts it loads on first use (the forms,
 * the rating, the file tray), which arrive a task or more after the render that asked for them.
 */
export async function settled(chat: TestChat): Promise<void> {
  do {
    await chat.updateComplete;
    await partsLoaded(chat);
  } while (chat.isUpdatePending);
}

export async function chatFixture(options: ChatFixtureOptions = {}): Promise<ChatFixture> {
  const client = fakeVisitorClient(options.state, options.client);
  const configured = options.configured ?? true;
  const chat = await fixture<TestChat>(
    html`<switchboard-chat
      .fakeClient=${client}
      site-key=${configured ? 'pk_test' : nothing}
      server-url=${configured ? location.origin : nothing}
      ?open=${options.open ?? false}
      theme=${options.theme ?? nothing}
      position=${options.position ?? nothing}
      heading=${options.heading ?? nothing}
      locale=${options.locale ?? nothing}
    ></switchboard-chat>`,
  );
  if (options.locale) await chat.setLocale(options.locale);
  await settled(chat);
  const root = chat.shadowRoot!;
  const maybePart = <E extends HTMLElement>(name: string) => root.querySelector<E>(`[part~="${name}"]`);
  return {
    chat,
    client,
    root,
    maybePart,
    part<E extends HTMLElement>(name: string) {
      const found = maybePart<E>(name);
      if (!found) throw new Error(`No element with part "${name}" in <switchboard-chat>`);
      return found;
    },
    parts: <E extends HTMLElement>(name: string) => [...root.querySelectorAll<E>(`[part~="${name}"]`)],
    async update(state) {
      client.setState(state);
      await settled(chat);
    },
    settle: () => settled(chat),
  };
}

/** The text a person sees, with runs of whitespace (template indentation) collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The next `name` event on `target`, typed as the widget registers it (`switchboard-open`, …). */
export function nextEvent<Name extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: Name,
): Promise<GlobalEventHandlersEventMap[Name]> {
  return oneEvent<GlobalEventHandlersEventMap[Name]>(target, name);
}
