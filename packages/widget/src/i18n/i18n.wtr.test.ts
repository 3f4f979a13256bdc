import { expect } from '@esm-bundle/chai';
import { findAccessible } from '../../test/accessibility.js';
import { chatFixture, textOf } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { es } from './es.js';

describe('i18n', () => {
  it("follows the browser's language without a locale (English here), left to right", async () => {
    const { part } = await chatFixture({ open: true });
    expect(navigator.language).to.match(/^en\b/);
    expect(part('panel').lang).to.equal(navigator.language);
    expect(part('panel').dir).to.equal('ltr');
    expect(part('launcher').getAttribute('aria-label')).to.equal('Close chat');
  });

  it('turns the panel right to left in Arabic, with Arabic strings and lang', async () => {
    const { part } = await chatFixture({ open: true, locale: 'ar', state: { conversation: conversation() } });
    const panel = part('panel');
    expect(panel.dir).to.equal('rtl');
    expect(panel.lang).to.equal('ar');
    expect(getComputedStyle(part('composer-input')).direction).to.equal('rtl');
    expect(part('launcher').lang).to.equal('ar');
    expect(part('launcher').getAttribute('aria-label')).to.equal(ar.close);
    expect(part<HTMLTextAreaElement>('composer-input').placeholder).to.equal(ar.placeholder);
    expect(textOf(part('header-status'))).to.equal(ar.bot);
    expect(textOf(part('title'))).to.equal(ar.title);

    // Screen readers get the Arabic name too.
    expect(await findAccessible((node) => node.role === 'textbox' && node.name === ar.inputLabel)).not.to.be
      .null;
  });

  it('keeps each message in its own direction inside a right-to-left panel', async () => {
    const { parts } = await chatFixture({
      open: true,
      locale: 'ar',
      state: {
        conversation: conversation({ status: 'active' }),
        messages: [
          message({ authorKind: 'agent', authorId: 'a1', text: 'Your order ships today.' }),
          message({ authorKind: 'visitor', text: 'شكرًا جزيلًا' }),
        ],
      },
    });
    const [english, arabic] = parts('message');
    expect(getComputedStyle(english!).direction).to.equal('ltr');
    expect(getComputedStyle(arabic!).direction).to.equal('rtl');
  });

  it('serves a regional tag with its language, keeping the region in lang', async () => {
    const { part } = await chatFixture({ open: true, locale: 'es-MX' });
    expect(part('panel').lang).to.equal('es-MX');
    expect(part('panel').dir).to.equal('ltr');
    expect(part('launcher').getAttribute('aria-label')).to.equal(es.close);
    expect(textOf(part('empty'))).to.equal(es.greeting);
  });

  it('falls back to English for a language it does not speak', async () => {
    const { part } = await chatFixture({ open: true, locale: 'fr' });
    expect(part('panel').lang).to.equal('en');
    expect(textOf(part('empty'))).to.equal('Hi! Ask us anything and we will reply right here.');
  });

  it('switches language at run time, direction included', async () => {
    const { chat, part } = await chatFixture({ open: true });
    await chat.setLocale('de');
    expect(part('send-button').getAttribute('aria-label')).to.equal(de.send);
    expect(part('panel').lang).to.equal('de');

    await chat.setLocale('ar');
    expect(part('panel').dir).to.equal('rtl');
    expect(part('send-button').getAttribute('aria-label')).to.equal(ar.send);

    await chat.setLocale('en');
    expect(part('panel').dir).to.equal('ltr');
    expect(part('send-button').getAttribute('aria-label')).to.equal('Send');
  });

  it('translates the strings with placeholders', async () => {
    const { part } = await chatFixture({
      open: true,
      locale: 'de',
      state: {
        conversation: conversation({ status: 'queued' }),
        queuePosition: { conversationId: 'c1', position: 2, estimatedWaitSeconds: null },
      },
    });
    expect(textOf(part('header-status'))).to.equal(de.headerQueue.replace('{position}', '2'));
  });
});
