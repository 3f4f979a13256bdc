import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, deepActiveElement, nextEvent, textOf } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

const question = message({
  authorKind: 'bot',
  authorId: 'bot1',
  text: 'What can I help with?',
  quickReplies: [
    { label: 'Track my order', value: 'Where is my order?' },
    { label: 'Returns', value: 'I want to return something' },
    { label: 'Talk to a person', value: 'human please' },
  ],
});

function offered(overrides: Parameters<typeof chatFixture>[0] = {}) {
  return chatFixture({
    open: true,
    state: { conversation: conversation(), messages: [question] },
    ...overrides,
  });
}

describe('quick replies', () => {
  it("offers the bot's replies as a labelled group of buttons after its message", async () => {
    const { part, parts } = await offered();
    const group = part('quick-replies');
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Suggested replies');
    const buttons = parts<HTMLButtonElement>('quick-reply');
    expect(buttons.map((button) => textOf(button))).to.deep.equal([
      'Track my order',
      'Returns',
      'Talk to a person',
    ]);
    expect(buttons.every((button) => button.localName === 'button' && button.type === 'button')).to.be.true;
    // Inside the message list, after the messages.
    expect(part('messages').contains(group)).to.be.true;
  });

  it("sends the chosen reply's value (not its label) as the visitor's message", async () => {
    const { chat, client, parts, maybePart } = await offered();
    const sending = nextEvent(chat, 'switchboard-message-send');
    parts('quick-reply')[0]!.click();
    expect((await sending).text).to.equal('Where is my order?');
    expect(client.callsTo('sendMessage')).to.deep.equal([['Where is my order?', { attachmentIds: [] }]]);
    await chat.updateComplete;
    // The visitor answered: the buttons retire, and focus carries on in the composer.
    expect(maybePart('quick-replies')).to.be.null;
    expect(deepActiveElement()).to.equal(chat.shadowRoot!.querySelector('[part~="composer-input"]'));
  });

  it('works from the keyboard: Tab to a reply, Enter or Space chooses it', async () => {
    const enter = await offered();
    enter.parts('quick-reply')[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(enter.parts('quick-reply')[1]);
    await sendKeys({ press: 'Enter' });
    expect(enter.client.callsTo('sendMessage')).to.deep.equal([
      ['I want to return something', { attachmentIds: [] }],
    ]);

    const space = await offered();
    space.parts('quick-reply')[2]!.focus();
    await sendKeys({ press: 'Space' });
    expect(space.client.callsTo('sendMessage')).to.deep.equal([['human please', { attachmentIds: [] }]]);
  });

  it('sends nothing when a listener cancels the send event, and keeps the buttons', async () => {
    const { chat, client, parts } = await offered();
    chat.addEventListener('switchboard-message-send', (event) => event.preventDefault());
    parts('quick-reply')[1]!.click();
    await chat.updateComplete;
    expect(client.callsTo('sendMessage')).to.be.empty;
    expect(parts('quick-reply')).to.have.length(3);
  });

  it('retires once a person has the conversation, or the visitor wrote after the question', async () => {
    const human = await offered();
    await human.update({ conversation: conversation({ status: 'active' }) });
    expect(human.maybePart('quick-replies')).to.be.null;

    const answered = await chatFixture({
      open: true,
      state: { conversation: conversation(), messages: [question, message({ authorKind: 'visitor' })] },
    });
    expect(answered.maybePart('quick-replies')).to.be.null;
  });
});
