import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { chatFixture, deepActiveElement, nextEvent, textOf } from '../../test/chat-fixture.js';
import { conversation, site } from '../../test/fake-visitor-client.js';

const queued = conversation({ status: 'queued' });

describe('header', () => {
  it('shows the heading, else the site name, else "Chat", as the panel\'s heading and name', async () => {
    const plain = await chatFixture({ open: true });
    expect(textOf(plain.part('title'))).to.equal('Chat');
    expect(plain.part('title').localName).to.equal('h2');
    expect(plain.part('panel').getAttribute('aria-label')).to.equal('Chat');

    await plain.update({ site: site() });
    expect(textOf(plain.part('title'))).to.equal('Acme');

    const named = await chatFixture({ open: true, heading: 'Acme help', state: { site: site() } });
    expect(textOf(named.part('title'))).to.equal('Acme help');
    expect(named.part('panel').getAttribute('aria-label')).to.equal('Acme help');
  });

  it('says nothing under the title before a conversation, in a live region kept in place', async () => {
    const { part, maybePart } = await chatFixture({ open: true, state: { site: site() } });
    const status = part('header-status');
    expect(status.hidden).to.be.true;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(maybePart('header-avatar')).to.be.null;
  });

  it('names the bot, with the robot avatar, while the bot has the conversation', async () => {
    const { part } = await chatFixture({ open: true, state: { conversation: conversation() } });
    expect(part('header-status').hidden).to.be.false;
    expect(textOf(part('header-status'))).to.equal('Assistant');
    expect(part('header-avatar').getAttribute('part')).to.equal('header-avatar header-avatar-bot');
    expect(part('header-avatar').getAttribute('aria-hidden')).to.equal('true');
  });

  it('follows the queue position and the estimated wait live', async () => {
    const { part, update } = await chatFixture({
      open: true,
      state: {
        conversation: queued,
        queuePosition: { conversationId: 'c1', position: 3, estimatedWaitSeconds: null },
      },
    });
    const status = part('header-status');
    expect(textOf(status)).to.equal('In queue — position 3');

    await update({ queuePosition: { conversationId: 'c1', position: 2, estimatedWaitSeconds: 300 } });
    // The same live region, so a screen reader hears the queue move.
    expect(part('header-status')).to.equal(status);
    expect(textOf(status)).to.equal('In queue — position 2, about 5 min');

    await update({ queuePosition: { conversationId: 'c1', position: 1, estimatedWaitSeconds: 20 } });
    expect(textOf(status)).to.equal('In queue — position 1, less than a minute');

    // A position that belongs to another conversation is not this visitor's.
    await update({ queuePosition: { conversationId: 'other', position: 7, estimatedWaitSeconds: null } });
    expect(status.hidden).to.be.true;
  });

  it('stands the team in for the agent once a person has the conversation', async () => {
    const { part, update } = await chatFixture({ open: true, state: { conversation: queued } });
    await update({ conversation: conversation({ status: 'active' }) });
    expect(textOf(part('header-status'))).to.equal('Support team');
    expect(textOf(part('header-avatar'))).to.equal('ST');
  });

  it('says the team is away outside business hours, with when they reply', async () => {
    const { part, maybePart, update } = await chatFixture({ open: true, state: { site: site(false) } });
    expect(textOf(part('header-status'))).to.equal("We're away");
    expect(textOf(part('header-notice'))).to.match(/outside our business hours/);

    expect(maybePart('header-reopens')).to.be.null;

    await update({ site: site(true) });
    expect(maybePart('header-notice')).to.be.null;
  });

  it("says when the team is back, on the visitor's clock and in their language", async () => {
    /** 09:00 on the visitor's clock, `days` from today. */
    const nineOclock = (days: number) => {
      const date = new Date();
      date.setDate(date.getDate() + days);
      date.setHours(9, 0, 0, 0);
      return date;
    };
    const format = (date: Date, lang: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(lang, options).format(date);
    const clock = { hour: 'numeric', minute: '2-digit' } as const;
    // Neither today nor tomorrow: the weekday.
    const later = nineOclock(3);
    const { part, maybePart, update } = await chatFixture({
      open: true,
      state: { site: site(false, later.toISOString()) },
    });
    expect(textOf(part('header-reopens'))).to.equal(
      `We're back ${format(later, 'en', { weekday: 'long' })} at ${format(later, 'en', clock)}.`,
    );
    expect(part('header-reopens').parentElement).to.equal(part('header-notice'));

    await update({ site: site(false, nineOclock(1).toISOString()) });
    expect(textOf(part('header-reopens'))).to.equal(`We're back tomorrow at ${format(later, 'en', clock)}.`);

    const german = await chatFixture({
      open: true,
      locale: 'de',
      state: { site: site(false, later.toISOString()) },
    });
    expect(textOf(german.part('header-reopens'))).to.equal(
      `Wir sind am ${format(later, 'de', { weekday: 'long' })} um ${format(later, 'de', clock)} wieder da.`,
    );

    // Already past (a page left open for long): nothing rather than a wrong promise.
    await update({ site: site(false, new Date(Date.now() - 60_000).toISOString()) });
    expect(textOf(part('header-notice'))).to.match(/outside our business hours/);
    expect(maybePart('header-reopens')).to.be.null;
  });

  it('closes from its close button, handing focus to the launcher', async () => {
    const { chat, part } = await chatFixture({ open: true });
    expect(part('close-button').getAttribute('aria-label')).to.equal('Close chat');
    const closed = nextEvent(chat, 'switchboard-close');
    part('close-button').click();
    await closed;
    expect(chat.open).to.be.false;
    expect(deepActiveElement()).to.equal(part('launcher'));
  });

  describe('start a new conversation', () => {
    it('is offered only once the conversation was resolved or abandoned', async () => {
      const { maybePart, update } = await chatFixture({
        open: true,
        state: { conversation: conversation({ status: 'active' }) },
      });
      expect(maybePart('new-conversation')).to.be.null;
      await update({ conversation: conversation({ status: 'abandoned' }) });
      expect(textOf(maybePart('new-conversation'))).to.equal('Start a new conversation');
      await update({ conversation: conversation({ status: 'resolved' }) });
      expect(maybePart('new-conversation')).not.to.be.null;
    });

    it('starts one through the client, disabled meanwhile; the new conversation is announced', async () => {
      let answer!: () => void;
      const { chat, client, part, maybePart } = await chatFixture({
        open: true,
        state: { conversation: conversation({ status: 'abandoned' }) },
        client: {
          startNewConversation: () =>
            new Promise((resolve) => {
              answer = () => {
                const fresh = conversation({ id: 'c2', status: 'bot' });
                client.setState({ conversation: fresh, messages: [] });
                resolve(fresh);
              };
            }),
        },
      });
      const button = part<HTMLButtonElement>('new-conversation');
      button.click();
      await chat.updateComplete;
      expect(client.callsTo('startNewConversation')).to.have.length(1);
      expect(button.disabled).to.be.true;

      const started = nextEvent(chat, 'switchboard-conversation-start');
      answer();
      expect((await started).detail.conversation.id).to.equal('c2');
      await chat.updateComplete;
      expect(maybePart('new-conversation')).to.be.null;
      // The button went with the ended conversation: focus carries on in the composer.
      await waitUntil(() => deepActiveElement() === part('composer-input'), 'focus reaches the composer');
    });
  });
});
