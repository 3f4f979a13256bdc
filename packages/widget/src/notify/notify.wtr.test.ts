import type { Message } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, type ChatFixture } from '../../test/chat-fixture.js';
import { conversation, site } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

const STORAGE_KEY = 'switchboard:notify';

/** The notes the chime played, by frequency: one array per sound. */
const chimes: number[][] = [];

/** Web Audio as far as the chime uses it, recording what it plays. */
class FakeAudioContext {
  readonly currentTime = 0;
  readonly destination = {};
  private readonly notes: number[] = [];

  constructor() {
    chimes.push(this.notes);
  }

  createOscillator() {
    const notes = this.notes;
    return {
      type: 'sine',
      frequency: { value: 0 },
      connect: <T>(next: T) => next,
      start() {
        notes.push(this.frequency.value);
      },
      stop() {},
    };
  }

  createGain() {
    return {
      gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
      connect: <T>(next: T) => next,
    };
  }

  close() {
    return Promise.resolve();
  }
}

/** The browser's notifications, with the permission the test gives. */
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static asked = 0;
  static shown: FakeNotification[] = [];
  static requestPermission(): Promise<NotificationPermission> {
    FakeNotification.asked++;
    return Promise.resolve(FakeNotification.permission);
  }

  onclick: (() => void) | null = null;
  closed = false;

  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }

  close() {
    this.closed = true;
  }
}

let visibility: DocumentVisibilityState = 'visible';
const real = { AudioContext: window.AudioContext, Notification: window.Notification };

/** Whether the alert chunk (the chime and the notification) has been fetched by this page. */
const alertFetched = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/notify/alert.'));

beforeEach(() => {
  chimes.length = 0;
  FakeNotification.permission = 'granted';
  FakeNotification.asked = 0;
  FakeNotification.shown = [];
  visibility = 'visible';
  // The page's own getter (on Document.prototype) comes back when this one is deleted.
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  Object.assign(window, { AudioContext: FakeAudioContext, Notification: FakeNotification });
  localStorage.removeItem(STORAGE_KEY);
});

afterEach(() => {
  delete (document as { visibilityState?: unknown }).visibilityState;
  Object.assign(window, real);
  localStorage.removeItem(STORAGE_KEY);
});

/** The chat with an active conversation with Ada, the visitor having turned alerts on (or not). */
function chatting(optedIn: boolean, open = true): Promise<ChatFixture> {
  if (optedIn) localStorage.setItem(STORAGE_KEY, 'on');
  return chatFixture({
    open,
    state: {
      site: site(),
      conversation: conversation({ status: 'active', assigneeId: 'a1' }),
      agents: { a1: { id: 'a1', name: 'Ada', avatarUrl: null } },
    },
  });
}

/** A message arrives in real time; waits for the alert chunk if it was asked for. */
async function arrives(fixture: ChatFixture, arrived: Message): Promise<void> {
  fixture.client.emit('message:created', arrived);
  await fixture.settle();
}

const fromAda = (text = 'Your parcel left the depot.') =>
  message({ authorKind: 'agent', authorId: 'a1', text });

describe('notifications', () => {
  // First, while this page has not fetched the alert chunk yet.
  it('stay off until the visitor asks: nothing sounds, nothing is fetched', async () => {
    const fixture = await chatting(false);
    const bell = fixture.part('notify-button');
    expect(bell.getAttribute('aria-label')).to.equal('Notify me of new messages');
    expect(bell.getAttribute('aria-pressed')).to.equal('false');
    expect(fixture.part('header').contains(bell)).to.be.true;

    visibility = 'hidden';
    await arrives(fixture, fromAda());
    expect(chimes).to.be.empty;
    expect(FakeNotification.shown).to.be.empty;
    expect(alertFetched()).to.be.false;
    expect(localStorage.getItem(STORAGE_KEY)).to.be.null;
  });

  it('turn on from the keyboard: pressed, remembered, and permission asked on that press', async () => {
    FakeNotification.permission = 'default';
    const fixture = await chatting(false);
    const bell = fixture.part('notify-button');
    bell.focus();
    await sendKeys({ press: 'Enter' });
    await fixture.settle();
    expect(bell.getAttribute('aria-pressed')).to.equal('true');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal('on');
    expect(FakeNotification.asked).to.equal(1);
    // Fetched at once, so that the first chime is not late.
    expect(alertFetched()).to.be.true;
  });

  it('do not ask again for a permission the browser already has an answer to', async () => {
    FakeNotification.permission = 'denied';
    const fixture = await chatting(false);
    fixture.part('notify-button').click();
    await fixture.settle();
    expect(FakeNotification.asked).to.equal(0);
  });

  it("chime and notify, once on, for the other side's message while the tab is hidden", async () => {
    const fixture = await chatting(true);
    expect(fixture.part('notify-button').getAttribute('aria-pressed')).to.equal('true');
    visibility = 'hidden';
    await arrives(fixture, fromAda('Your *parcel*\nleft the depot.'));

    expect(chimes).to.deep.equal([[880, 1320]]);
    expect(FakeNotification.shown).to.have.length(1);
    const [shown] = FakeNotification.shown;
    expect(shown!.title).to.equal('Ada');
    // Plain text on one line: formatting marks would show as typed.
    expect(shown!.options.body).to.equal('Your parcel left the depot.');
    // One per conversation: a newer message replaces it.
    expect(shown!.options.tag).to.equal('switchboard-c1');

    await arrives(fixture, message({ authorKind: 'bot', authorId: 'bot1', text: 'Anything else?' }));
    expect(FakeNotification.shown.map((one) => one.title)).to.deep.equal(['Ada', 'Assistant']);
  });

  it('stay quiet while the visitor can see the tab, and for their own messages', async () => {
    const fixture = await chatting(true);
    await arrives(fixture, fromAda());
    expect(chimes).to.be.empty;
    expect(FakeNotification.shown).to.be.empty;

    visibility = 'hidden';
    await arrives(fixture, message({ authorKind: 'visitor', text: 'from my other tab' }));
    expect(chimes).to.be.empty;
    expect(FakeNotification.shown).to.be.empty;
  });

  it('only chime when the browser does not allow notifications', async () => {
    FakeNotification.permission = 'denied';
    const fixture = await chatting(true);
    visibility = 'hidden';
    await arrives(fixture, fromAda());
    expect(chimes).to.have.length(1);
    expect(FakeNotification.shown).to.be.empty;
  });

  it('open the chat when the visitor clicks the notification', async () => {
    const fixture = await chatting(true, false);
    visibility = 'hidden';
    await arrives(fixture, fromAda());
    const [shown] = FakeNotification.shown;
    shown!.onclick?.();
    await fixture.settle();
    expect(fixture.chat.open).to.be.true;
    expect(shown!.closed).to.be.true;
  });

  it('turn off with a second press, forgetting the choice', async () => {
    const fixture = await chatting(true);
    fixture.part('notify-button').click();
    await fixture.settle();
    expect(fixture.part('notify-button').getAttribute('aria-pressed')).to.equal('false');
    expect(localStorage.getItem(STORAGE_KEY)).to.be.null;

    visibility = 'hidden';
    await arrives(fixture, fromAda());
    expect(chimes).to.be.empty;
    expect(FakeNotification.shown).to.be.empty;
  });
});
