import { SwitchboardError } from '@switchboard/agent-sdk';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { findAccessible, type AccessibilityNode } from '../../test/accessibility.js';
import { chatFixture, deepActiveElement, nextEvent, textOf } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

const active = conversation({ status: 'active' });

/** Every name in an accessibility subtree, depth first. */
function namesIn(node: AccessibilityNode | null): string[] {
  if (!node) return [];
  return [node.name, ...(node.children ?? []).flatMap((child) => namesIn(child))].filter(Boolean);
}

describe('<switchboard-chat>', () => {
  describe('opening and closing', () => {
    it('opens and closes through show(), hide() and toggle(), reflected and announced', async () => {
      const { chat, part } = await chatFixture();
      const opened = nextEvent(chat, 'switchboard-open');
      chat.show();
      await opened;
      expect(chat.hasAttribute('open')).to.be.true;
      expect(part('panel').hidden).to.be.false;
      expect(part('launcher').getAttribute('aria-expanded')).to.equal('true');

      const closed = nextEvent(chat, 'switchboard-close');
      chat.hide();
      await closed;
      expect(chat.hasAttribute('open')).to.be.false;
      expect(part('panel').hidden).to.be.true;

      chat.toggle();
      await chat.updateComplete;
      expect(chat.open).to.be.true;
      chat.toggle();
      await chat.updateComplete;
      expect(chat.open).to.be.false;

      // The page may write the attribute itself.
      chat.setAttribute('open', '');
      await chat.updateComplete;
      expect(part('panel').hidden).to.be.false;
    });

    it('announces nothing for a call that changes nothing', async () => {
      const { chat } = await chatFixture({ open: true });
      const events: string[] = [];
      chat.on('open', (event) => events.push(event.type));
      chat.on('close', (event) => events.push(event.type));
      chat.show();
      await chat.updateComplete;
      expect(events).to.deep.equal([]);
      chat.hide();
      await chat.updateComplete;
      expect(events).to.deep.equal(['switchboard-close']);
    });

    it('listens by short name with on() and stops with off()', async () => {
      const { chat } = await chatFixture();
      let opens = 0;
      const onOpen = () => opens++;
      chat.on('open', onOpen);
      chat.show();
      await chat.updateComplete;
      chat.hide();
      await chat.updateComplete;
      chat.off('open', onOpen);
      chat.show();
      await chat.updateComplete;
      expect(opens).to.equal(1);
    });

    it('moves focus into the panel, to the text field, when it opens', async () => {
      const { chat, part } = await chatFixture();
      part('launcher').focus();
      await sendKeys({ press: 'Enter' });
      await chat.updateComplete;
      expect(deepActiveElement()).to.equal(part('composer-input'));

      chat.hide();
      await chat.updateComplete;
      chat.show();
      await chat.updateComplete;
      expect(deepActiveElement()).to.equal(part('composer-input'));
    });

    it('closes on Escape from anywhere in the panel, and focus returns to the launcher', async () => {
      const { chat, part } = await chatFixture({ open: true, state: { conversation: active } });
      for (const name of ['messages', 'notify-button', 'composer-input']) {
        chat.show();
        await chat.updateComplete;
        part(name).focus();
        const closed = nextEvent(chat, 'switchboard-close');
        await sendKeys({ press: 'Escape' });
        await closed;
        expect(part('panel').hidden, name).to.be.true;
        expect(deepActiveElement(), name).to.equal(part('launcher'));
      }
    });

    it('keeps Escape inside the panel: the page does not hear it', async () => {
      const { part } = await chatFixture({ open: true });
      let heard = 0;
      const listener = () => heard++;
      document.addEventListener('keydown', listener);
      part('composer-input').focus();
      await sendKeys({ press: 'Escape' });
      document.removeEventListener('keydown', listener);
      expect(heard).to.equal(0);
    });
  });

  describe('messages', () => {
    it('announces a new message through the log, a polite live region that stays in place', async () => {
      const fixture = await chatFixture({
        open: true,
        state: {
          conversation: active,
          messages: [message({ authorKind: 'visitor', text: 'Where is my parcel?' })],
        },
      });
      const log = fixture.part('messages');
      const received = nextEvent(fixture.chat, 'switchboard-message-receive');
      const reply = message({ authorKind: 'agent', authorId: 'a1', text: 'It left the depot this morning.' });
      fixture.client.emit('message:created', reply);
      expect((await received).detail.message).to.equal(reply);
      await fixture.update({ messages: [...fixture.client.getSnapshot().messages, reply] });

      expect(fixture.part('messages')).to.equal(log);
      expect(log.getAttribute('aria-live')).to.equal('polite');
      expect(log.contains(fixture.parts('message').at(-1)!)).to.be.true;
      const node = await findAccessible((candidate) => candidate.role === 'log');
      expect(node?.name).to.equal('Messages');
      expect(namesIn(node).join(' ')).to.include('It left the depot this morning.');
    });

    it('follows new messages at the bottom of the list', async () => {
      const many = Array.from({ length: 40 }, (_, index) => message({ text: `line ${index}` }));
      const fixture = await chatFixture({ open: true, state: { conversation: active, messages: many } });
      const list = fixture.part('messages');
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
      await waitUntil(
        () => list.scrollHeight - list.scrollTop - list.clientHeight < 2,
        'the list is at the bottom',
      );
      await fixture.update({
        messages: [...many, message({ authorKind: 'agent', authorId: 'a1', text: 'new' })],
      });
      expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.lessThan(2);
    });
  });

  describe('start a new conversation', () => {
    it('leaves the ended conversation for a fresh one: greeting again, composer focused', async () => {
      const fixture = await chatFixture({
        open: true,
        state: {
          conversation: conversation({ status: 'resolved', resolvedAt: '2025-01-01T11:00:00.000Z' }),
          messages: [message({ text: 'Thanks, bye' })],
        },
        client: {
          startNewConversation: () => {
            const fresh = conversation({ id: 'c2', status: 'bot' });
            fixture.client.setState({ conversation: fresh, messages: [] });
            return Promise.resolve(fresh);
          },
        },
      });
      // The rating comes first, then the way to start over.
      const footer = fixture.part('messages');
      expect(footer.contains(fixture.part('csat'))).to.be.true;
      const start = fixture.part('new-conversation');
      expect(
        start.compareDocumentPosition(fixture.part('csat')) & Node.DOCUMENT_POSITION_PRECEDING,
      ).to.not.equal(0);

      start.focus();
      const started = nextEvent(fixture.chat, 'switchboard-conversation-start');
      await sendKeys({ press: 'Enter' });
      expect((await started).detail.conversation.id).to.equal('c2');
      await fixture.settle();
      expect(fixture.maybePart('new-conversation')).to.be.null;
      expect(fixture.maybePart('csat')).to.be.null;
      expect(textOf(fixture.part('empty'))).to.equal('Hi! Ask us anything and we will reply right here.');
      await waitUntil(
        () => deepActiveElement() === fixture.part('composer-input'),
        'focus reaches the composer',
      );
    });
  });

  describe('position', () => {
    it('moves between the bottom right and bottom left corners at run time, reflected', async () => {
      const fixture = await chatFixture({ open: true });
      const side = () => {
        const launcher = fixture.part('launcher').getBoundingClientRect();
        return launcher.left < innerWidth / 2 ? 'left' : 'right';
      };
      expect(side()).to.equal('right');
      fixture.chat.position = 'left';
      await fixture.chat.updateComplete;
      expect(fixture.chat.getAttribute('position')).to.equal('left');
      expect(side()).to.equal('left');
      expect(fixture.part('panel').getBoundingClientRect().left).to.be.lessThan(innerWidth / 2);

      // Any other value is the default corner.
      fixture.chat.setAttribute('position', 'middle');
      await fixture.chat.updateComplete;
      expect(side()).to.equal('right');
    });
  });

  describe('connection banner', () => {
    it('is a status region kept in place: hidden while connected, saying why otherwise', async () => {
      const fixture = await chatFixture({
        open: true,
        state: { connection: 'connected', conversation: active },
      });
      const banner = fixture.part('banner');
      expect(banner.getAttribute('role')).to.equal('status');
      expect(banner.hidden).to.be.true;
      expect(textOf(banner)).to.equal('');

      // The same element each time, so that screen readers hear each change.
      await fixture.update({ connection: 'reconnecting' });
      expect(fixture.part('banner')).to.equal(banner);
      expect(banner.hidden).to.be.false;
      expect(textOf(banner)).to.equal('Reconnecting…');

      await fixture.update({ connection: 'disconnected' });
      expect(fixture.part('banner')).to.equal(banner);
      expect(textOf(banner)).to.equal('Connection lost. Messages will be sent once it is back.');

      await fixture.update({ connection: 'connected' });
      expect(fixture.part('banner')).to.equal(banner);
      expect(banner.hidden).to.be.true;

      await fixture.update({ error: new SwitchboardError('origin_not_allowed', 'nope') });
      expect(fixture.part('banner')).to.equal(banner);
      expect(banner.hidden).to.be.false;
      expect(textOf(banner)).to.equal('Chat is unavailable right now. Please try again later.');
    });

    it('is read to screen readers only while it shows', async () => {
      const fixture = await chatFixture({ open: true, state: { connection: 'connected' } });
      const status = () => findAccessible((node) => /^Connection lost/.test(node.name));
      expect(await status()).to.be.null;
      await fixture.update({ connection: 'disconnected' });
      await waitUntil(async () => (await status()) !== null, 'the banner reaches the accessibility tree');
    });

    it('says so, in the same region, when the chat is not configured', async () => {
      const fixture = await chatFixture({ open: true, configured: false });
      const banner = fixture.part('banner');
      expect(banner.hidden).to.be.false;
      expect(textOf(banner)).to.equal('This chat is not set up yet.');

      fixture.chat.setAttribute('site-key', 'pk_test');
      fixture.chat.setAttribute('server-url', location.origin);
      await fixture.settle();
      expect(fixture.part('banner')).to.equal(banner);
      expect(banner.hidden).to.be.true;
    });
  });
});
