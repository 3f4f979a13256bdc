import { expect } from '@esm-bundle/chai';
import { aTimeout } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { findAccessible } from '../../test/accessibility.js';
import { chatFixture, deepActiveElement, nextEvent } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';
import { launcherLabel } from './launcher.js';

/** The launcher as Chromium's accessibility tree exposes it to screen readers. */
const launcherNode = () => findAccessible((node) => node.role === 'button' && /chat/i.test(node.name));

describe('launcher', () => {
  it('is a button named "Open chat" that controls the closed panel', async () => {
    const { part } = await chatFixture();
    const launcher = part('launcher');
    expect(launcher.localName).to.equal('button');
    expect(launcher.getAttribute('aria-label')).to.equal(launcherLabel);
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(launcher.getAttribute('aria-controls')).to.equal(part('panel').id);
    expect(part('panel').hidden).to.be.true;

    const node = await launcherNode();
    expect(node?.name).to.equal('Open chat');
    expect(node?.expanded ?? false).to.be.false;
  });

  it('opens on click, then closes on a second click, dispatching open and close', async () => {
    const { chat, part } = await chatFixture();
    const opened = nextEvent(chat, 'switchboard-open');
    part('launcher').click();
    const openEvent = await opened;
    expect(openEvent.bubbles && openEvent.composed).to.be.true;
    expect(chat.open).to.be.true;
    expect(chat.hasAttribute('open')).to.be.true;
    expect(part('panel').hidden).to.be.false;
    expect(part('launcher').getAttribute('aria-label')).to.equal('Close chat');
    expect(part('launcher').getAttribute('aria-expanded')).to.equal('true');
    // Opening hands focus to the text field.
    expect(deepActiveElement()).to.equal(part('composer-input'));

    const closed = nextEvent(chat, 'switchboard-close');
    part('launcher').click();
    await closed;
    expect(chat.open).to.be.false;
    expect(part('panel').hidden).to.be.true;
  });

  it('toggles from the keyboard: Enter and Space on the focused launcher', async () => {
    const { chat, part } = await chatFixture();
    part('launcher').focus();
    const opened = nextEvent(chat, 'switchboard-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    expect(chat.open).to.be.true;

    part('launcher').focus();
    const closed = nextEvent(chat, 'switchboard-close');
    await sendKeys({ press: 'Space' });
    await closed;
    expect(chat.open).to.be.false;
  });

  it('Escape in the panel closes it and gives focus back to the launcher', async () => {
    const { chat, part } = await chatFixture({ open: true });
    part('composer-input').focus();
    const closed = nextEvent(chat, 'switchboard-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(part('panel').hidden).to.be.true;
    expect(deepActiveElement()).to.equal(part('launcher'));
  });

  it('counts messages received while closed on a badge, up to "9+", and clears it on open', async () => {
    const { chat, client, part, maybePart } = await chatFixture({
      state: { conversation: conversation({ status: 'active' }) },
    });
    expect(maybePart('badge')).to.be.null;

    const counted = nextEvent(chat, 'switchboard-unread-change');
    client.emit('message:created', message({ authorKind: 'agent', authorId: 'a1' }));
    expect((await counted).detail.count).to.equal(1);
    await chat.updateComplete;
    expect(part('badge').textContent).to.equal('1');
    expect(part('launcher').contains(part('badge'))).to.be.true;
    // The badge is drawn; screen readers hear the count in the launcher's name.
    expect(part('launcher').getAttribute('aria-label')).to.equal('Open chat, 1 unread');

    // The visitor's own messages (from another tab) are not unread.
    client.emit('message:created', message({ authorKind: 'visitor' }));
    await chat.updateComplete;
    expect(part('badge').textContent).to.equal('1');

    for (let i = 0; i < 9; i++) client.emit('message:created', message({ authorKind: 'bot' }));
    await chat.updateComplete;
    expect(part('badge').textContent).to.equal('9+');

    const cleared = nextEvent(chat, 'switchboard-unread-change');
    part('launcher').click();
    expect((await cleared).detail.count).to.equal(0);
    await chat.updateComplete;
    expect(maybePart('badge')).to.be.null;
  });

  it('counts nothing while the panel is open', async () => {
    const { chat, client, maybePart } = await chatFixture({ open: true });
    client.emit('message:created', message({ authorKind: 'agent', authorId: 'a1' }));
    await chat.updateComplete;
    await aTimeout(0);
    expect(maybePart('badge')).to.be.null;
  });
});
