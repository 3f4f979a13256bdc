import { expect } from '@esm-bundle/chai';
import { aTimeout } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import {
  chatFixture,
  deepActiveElement,
  nextEvent,
  textOf,
  type ChatFixture,
} from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';

/** Focuses the composer and types as a person does, key by key. */
async function type(fixture: ChatFixture, text: string): Promise<void> {
  fixture.part('composer-input').focus();
  await sendKeys({ type: text });
  await fixture.chat.updateComplete;
}

describe('composer', () => {
  it('is a labelled text field and a send button, disabled while empty', async () => {
    const { part } = await chatFixture({ open: true });
    const input = part<HTMLTextAreaElement>('composer-input');
    expect(input.localName).to.equal('textarea');
    expect(input.getAttribute('aria-label')).to.equal('Message');
    expect(input.placeholder).to.equal('Write a message…');
    expect(part('send-button').getAttribute('aria-label')).to.equal('Send');
    expect(part<HTMLButtonElement>('send-button').disabled).to.be.true;
  });

  it('enables sending once there is text, and tells the agent the visitor is typing', async () => {
    const chat = await chatFixture({ open: true, state: { conversation: conversation() } });
    await type(chat, 'Hi');
    expect(chat.part<HTMLTextAreaElement>('composer-input').value).to.equal('Hi');
    expect(chat.part<HTMLButtonElement>('send-button').disabled).to.be.false;
    expect(chat.client.callsTo('setTyping')).to.deep.include([true]);

    chat.part('composer-input').blur();
    expect(chat.client.callsTo('setTyping').at(-1)).to.deep.equal([false]);
  });

  it('sends the trimmed text on Enter: the send event, the client, an empty field that keeps focus', async () => {
    const fixture = await chatFixture({ open: true, state: { conversation: conversation() } });
    const { chat, client, part } = fixture;
    await type(fixture, '  Where is my order?  ');

    const sending = nextEvent(chat, 'switchboard-message-send');
    await sendKeys({ press: 'Enter' });
    const event = await sending;
    expect(event.text).to.equal('Where is my order?');
    expect(event.detail.text).to.equal('Where is my order?');
    expect(event.cancelable && event.bubbles && event.composed).to.be.true;
    await chat.updateComplete;

    expect(client.callsTo('sendMessage')).to.deep.equal([['Where is my order?', { attachmentIds: [] }]]);
    expect(client.callsTo('setTyping').at(-1)).to.deep.equal([false]);
    expect(part<HTMLTextAreaElement>('composer-input').value).to.equal('');
    expect(deepActiveElement()).to.equal(part('composer-input'));
    // The message shows at once as the visitor's own, pending.
    expect(textOf(part('message-pending'))).to.equal('Where is my order?');
  });

  it('sends from the send button too, and focus comes back to the text field', async () => {
    const fixture = await chatFixture({ open: true });
    await type(fixture, 'Hello');
    fixture.part('send-button').click();
    await fixture.chat.updateComplete;
    expect(fixture.client.callsTo('sendMessage')).to.deep.equal([['Hello', { attachmentIds: [] }]]);
    expect(deepActiveElement()).to.equal(fixture.part('composer-input'));
  });

  it('breaks the line on Shift+Enter without sending', async () => {
    const fixture = await chatFixture({ open: true });
    await type(fixture, 'line one');
    // Chromium's driver (puppeteer) presses one key at a time: hold Shift around Enter.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'line two' });
    await fixture.chat.updateComplete;
    expect(fixture.part<HTMLTextAreaElement>('composer-input').value).to.equal('line one\nline two');
    expect(fixture.client.callsTo('sendMessage')).to.be.empty;

    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(fixture.client.callsTo('sendMessage')).to.deep.equal([
      ['line one\nline two', { attachmentIds: [] }],
    ]);
  });

  it('refuses to send an empty or blank message', async () => {
    const fixture = await chatFixture({ open: true });
    let events = 0;
    fixture.chat.addEventListener('switchboard-message-send', () => events++);
    fixture.part('composer-input').focus();
    await sendKeys({ press: 'Enter' });
    await type(fixture, '   ');
    expect(fixture.part<HTMLButtonElement>('send-button').disabled).to.be.true;
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(events).to.equal(0);
    expect(fixture.client.callsTo('sendMessage')).to.be.empty;
    expect(fixture.maybePart('message')).to.be.null;
  });

  it('keeps the text when a listener cancels the send event', async () => {
    const fixture = await chatFixture({ open: true });
    fixture.chat.addEventListener('switchboard-message-send', (event) => event.preventDefault());
    await type(fixture, 'not this one');
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(fixture.client.callsTo('sendMessage')).to.be.empty;
    expect(fixture.part<HTMLTextAreaElement>('composer-input').value).to.equal('not this one');
  });

  it('is disabled, with a notice, while the chat is not configured', async () => {
    const { part } = await chatFixture({ open: true, configured: false });
    expect(part<HTMLTextAreaElement>('composer-input').disabled).to.be.true;
    expect(part<HTMLButtonElement>('send-button').disabled).to.be.true;
    expect(textOf(part('banner'))).to.equal('This chat is not set up yet.');
    expect(part('banner').getAttribute('role')).to.equal('status');
  });

  it('caps the text at the protocol limit', async () => {
    const { part } = await chatFixture({ open: true });
    const input = part<HTMLTextAreaElement>('composer-input');
    expect(input.maxLength).to.be.greaterThan(0);
    input.focus();
    input.value = 'x'.repeat(input.maxLength);
    await sendKeys({ type: 'y' });
    await aTimeout(0);
    expect(input.value).to.have.length(input.maxLength);
  });
});
