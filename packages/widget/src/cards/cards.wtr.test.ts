import type { Card } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, deepActiveElement, textOf } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

/** The open chat with one bot message carrying `cards`; the server is this test page's origin. */
function withCards(cards: Card[]) {
  return chatFixture({
    open: true,
    state: {
      conversation: conversation(),
      messages: [message({ authorKind: 'bot', authorId: 'bot1', text: 'You may like these', cards })],
    },
  });
}

const tent: Card = {
  title: 'Trail tent',
  subtitle: 'Two people, 1.9 kg',
  price: '$249',
  // https on a closed loopback port: the test never reaches out of this machine.
  imageUrl: 'https://127.0.0.1:9/images/tent.jpg',
  url: 'https://shop.example.com/tent',
};

describe('cards', () => {
  it("draws a labelled, focusable list of cards under the bot's message", async () => {
    const { part, parts } = await withCards([tent, { title: 'Stove' }]);
    const list = part('cards');
    expect(list.localName).to.equal('ul');
    expect(list.getAttribute('aria-label')).to.equal('Suggested items');
    expect(list.tabIndex).to.equal(0);
    expect(parts('card').map((card) => card.localName)).to.deep.equal(['li', 'li']);
    expect(part('group').contains(list)).to.be.true;

    // Keyboard users reach the list (to scroll it with the arrow keys), then the first link.
    part('messages').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(list);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(part('card-link'));
  });

  it('shows the image, title, subtitle and price as text', async () => {
    const { part } = await withCards([tent]);
    const image = part<HTMLImageElement>('card-image');
    expect(image.getAttribute('src')).to.equal('https://127.0.0.1:9/images/tent.jpg');
    // Decorative: the title says what the card is.
    expect(image.alt).to.equal('');
    expect(image.loading).to.equal('lazy');
    expect(textOf(part('card-title'))).to.equal('Trail tent');
    expect(textOf(part('card-subtitle'))).to.equal('Two people, 1.9 kg');
    expect(textOf(part('card-price'))).to.equal('$249');
  });

  it('leaves out what a card does not have', async () => {
    const { part, maybePart } = await withCards([{ title: 'Just a title' }]);
    expect(textOf(part('card-title'))).to.equal('Just a title');
    for (const name of ['card-image', 'card-subtitle', 'card-price', 'card-link'])
      expect(maybePart(name)).to.be.null;
  });

  it("links to the card's page in a new tab, without the opener, naming the card", async () => {
    const { part } = await withCards([tent]);
    const link = part<HTMLAnchorElement>('card-link');
    expect(link.href).to.equal('https://shop.example.com/tent');
    expect(link.target).to.equal('_blank');
    expect(link.relList.contains('noopener')).to.be.true;
    expect(link.relList.contains('noreferrer')).to.be.true;
    expect(textOf(link)).to.equal('View: Trail tent (opens in a new tab)');
  });

  it('drops links and images with a scheme other than http(s), and http images', async () => {
    const { parts, maybePart } = await withCards([
      { title: 'Script', url: 'javascript:alert(1)', imageUrl: 'javascript:alert(1)' },
      {
        title: 'Data',
        url: 'data:text/html,<script>alert(1)</script>',
        imageUrl: 'data:image/png;base64,AAAA',
      },
      { title: 'Plain http image', imageUrl: 'http://cdn.example.com/x.jpg' },
      { title: 'Other host by path', url: '//evil.example.com/x', imageUrl: '//evil.example.com/x.jpg' },
    ]);
    expect(parts('card')).to.have.length(4);
    expect(maybePart('card-link')).to.be.null;
    expect(maybePart('card-image')).to.be.null;
  });

  it('resolves paths against the Switchboard server, and hides an image that fails to load', async () => {
    // The test server (the fixture's server URL) serves the workspace: a JSON file is no image.
    const { part } = await withCards([{ title: 'Local', url: '/products/1', imageUrl: '/package.json' }]);
    expect(part<HTMLAnchorElement>('card-link').href).to.equal(`${location.origin}/products/1`);
    const image = part<HTMLImageElement>('card-image');
    expect(image.src).to.equal(`${location.origin}/package.json`);
    image.loading = 'eager';
    await waitUntil(() => image.hidden, 'the broken image is hidden', { timeout: 3000 });
  });

  it('keeps markup in a card as text', async () => {
    const { part } = await withCards([{ title: '<img src=x onerror=alert(1)>', subtitle: '<b>x</b>' }]);
    expect(part('card-title').textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(part('card').querySelector('img, b')).to.be.null;
  });
});
