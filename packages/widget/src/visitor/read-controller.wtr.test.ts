import { expect } from '@esm-bundle/chai';
import { fixtureCleanup } from '@open-wc/testing-helpers';
import { chatFixture, type ChatFixture } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

let visibility: DocumentVisibilityState = 'visible';

/** The tab is shown or hidden, as the browser tells the page. */
function tab(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  visibility = 'visible';
  // The page's own getter (on Document.prototype) comes back when this one is deleted.
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});

afterEach(() => {
  delete (document as { visibilityState?: unknown }).visibilityState;
});

const reads = (fixture: ChatFixture) => fixture.client.callsTo('markRead').length;

/** An agent's reply arrives and is drawn. */
async function reply(fixture: ChatFixture): Promise<void> {
  const arrived = message({ authorKind: 'agent', authorId: 'a1' });
  fixture.client.emit('message:created', arrived);
  await fixture.update({ messages: [...fixture.client.getSnapshot().messages, arrived] });
}

function chatting(open: boolean): Promise<ChatFixture> {
  return chatFixture({ open, state: { conversation: conversation({ status: 'active' }) } });
}

describe('read receipts', () => {
  it('are sent while the panel is open and the tab visible, as messages arrive', async () => {
    const fixture = await chatting(true);
    expect(reads(fixture)).to.be.greaterThan(0);
    const before = reads(fixture);
    await reply(fixture);
    expect(reads(fixture)).to.be.greaterThan(before);
  });

  it('wait while the panel is closed, and go once the visitor opens it', async () => {
    const fixture = await chatting(false);
    await reply(fixture);
    expect(reads(fixture)).to.equal(0);

    fixture.part('launcher').click();
    await fixture.settle();
    expect(reads(fixture)).to.be.greaterThan(0);
  });

  it('wait while the tab is hidden, even with the panel open, and go when it is shown again', async () => {
    const fixture = await chatting(true);
    tab('hidden');
    const before = reads(fixture);
    await reply(fixture);
    expect(reads(fixture)).to.equal(before);

    tab('visible');
    expect(reads(fixture)).to.equal(before + 1);
  });

  it('ignore the tab coming back while the panel is closed', async () => {
    const fixture = await chatting(false);
    tab('hidden');
    tab('visible');
    expect(reads(fixture)).to.equal(0);
  });

  it('stop listening to the tab once the chat leaves the page', async () => {
    const fixture = await chatting(true);
    const before = reads(fixture);
    fixtureCleanup();
    tab('visible');
    expect(reads(fixture)).to.equal(before);
  });
});
