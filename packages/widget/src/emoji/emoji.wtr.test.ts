import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, deepActiveElement, textOf, type ChatFixture } from '../../test/chat-fixture.js';
import { EMOJI, EMOJI_COLUMNS } from './emoji-grid.js';

const options = (fixture: ChatFixture) => fixture.parts<HTMLButtonElement>('emoji-option');
const focusedIndex = (fixture: ChatFixture) =>
  options(fixture).indexOf(deepActiveElement() as HTMLButtonElement);

/** Opens the picker from its button and waits for the grid, which loads on first use. */
async function openPicker(fixture: ChatFixture): Promise<void> {
  fixture.part('emoji-button').click();
  await waitUntil(() => fixture.maybePart('emoji-picker'), 'the grid loads and opens');
  await waitUntil(() => focusedIndex(fixture) === 0, 'focus reaches the first emoji');
}

/** Types `text` into the composer, leaving the caret after `caretAt` characters. */
async function draft(
  fixture: ChatFixture,
  text: string,
  caretAt = text.length,
): Promise<HTMLTextAreaElement> {
  const input = fixture.part<HTMLTextAreaElement>('composer-input');
  input.focus();
  await sendKeys({ type: text });
  input.setSelectionRange(caretAt, caretAt);
  return input;
}

describe('emoji picker', () => {
  it('is a labelled button in the composer that controls a popup, closed at first', async () => {
    const fixture = await chatFixture({ open: true });
    const button = fixture.part('emoji-button');
    expect(button.getAttribute('aria-label')).to.equal('Emoji');
    expect(button.getAttribute('aria-haspopup')).to.equal('true');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(fixture.part('composer').contains(button)).to.be.true;
    expect(fixture.maybePart('emoji-picker')).to.be.null;
  });

  it('loads its grid on the first click and opens it with focus on the first emoji', async () => {
    const fixture = await chatFixture({ open: true });
    await openPicker(fixture);
    const picker = fixture.part('emoji-picker');
    expect(fixture.part('emoji-button').getAttribute('aria-expanded')).to.equal('true');
    expect(fixture.part('emoji-button').getAttribute('aria-controls')).to.equal(picker.id);
    expect(picker.getAttribute('role')).to.equal('group');
    expect(picker.getAttribute('aria-label')).to.equal('Emoji');
    expect(options(fixture).map((option) => textOf(option))).to.deep.equal([...EMOJI]);
    // One tab stop for the whole grid: the arrows move inside it.
    expect(options(fixture).map((option) => option.tabIndex)).to.deep.equal(
      EMOJI.map((_, index) => (index === 0 ? 0 : -1)),
    );
  });

  it('moves through the grid with the arrow keys, Home and End, stopping at its edges', async () => {
    const fixture = await chatFixture({ open: true });
    await openPicker(fixture);
    const press = async (key: string) => {
      await sendKeys({ press: key });
      return focusedIndex(fixture);
    };
    expect(await press('ArrowRight')).to.equal(1);
    expect(await press('ArrowDown')).to.equal(1 + EMOJI_COLUMNS);
    expect(await press('ArrowLeft')).to.equal(EMOJI_COLUMNS);
    expect(await press('ArrowUp')).to.equal(0);
    expect(await press('ArrowUp')).to.equal(0);
    expect(await press('ArrowLeft')).to.equal(0);
    expect(await press('End')).to.equal(EMOJI.length - 1);
    expect(await press('ArrowDown')).to.equal(EMOJI.length - 1);
    expect(await press('Home')).to.equal(0);
    // The focused emoji is the grid's tab stop.
    await press('ArrowRight');
    expect(options(fixture).filter((option) => option.tabIndex === 0)).to.deep.equal([options(fixture)[1]]);
  });

  it('follows the reading direction in a right-to-left language', async () => {
    const fixture = await chatFixture({ open: true, locale: 'ar' });
    await openPicker(fixture);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedIndex(fixture)).to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedIndex(fixture)).to.equal(0);
  });

  it('puts the emoji chosen with Enter at the caret, closes, and returns to the text field', async () => {
    const fixture = await chatFixture({ open: true });
    const input = await draft(fixture, 'Thanks a lot', 'Thanks'.length);
    await openPicker(fixture);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === input, 'focus returns to the text field');

    expect(input.value).to.equal(`Thanks${EMOJI[2]} a lot`);
    const caret = `Thanks${EMOJI[2]}`.length;
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([caret, caret]);
    expect(fixture.maybePart('emoji-picker')).to.be.null;
    expect(fixture.part('emoji-button').getAttribute('aria-expanded')).to.equal('false');
    expect(fixture.part<HTMLButtonElement>('send-button').disabled).to.be.false;
    expect(fixture.client.callsTo('setTyping').at(-1)).to.deep.equal([true]);
  });

  it('inserts a clicked emoji, replacing the selected text', async () => {
    const fixture = await chatFixture({ open: true });
    const input = await draft(fixture, 'I am sad');
    input.setSelectionRange(5, 8);
    await openPicker(fixture);
    options(fixture)
      .find((option) => textOf(option) === '😢')!
      .click();
    await waitUntil(() => deepActiveElement() === input, 'focus returns to the text field');
    expect(input.value).to.equal('I am 😢');
  });

  it('closes on Escape, returning focus to its button, and leaves the panel open', async () => {
    const fixture = await chatFixture({ open: true });
    await openPicker(fixture);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await fixture.chat.updateComplete;
    expect(fixture.maybePart('emoji-picker')).to.be.null;
    expect(deepActiveElement()).to.equal(fixture.part('emoji-button'));
    expect(fixture.part('emoji-button').getAttribute('aria-expanded')).to.equal('false');
    expect(fixture.chat.open).to.be.true;
    expect(fixture.part<HTMLTextAreaElement>('composer-input').value).to.equal('');

    // Opened again, from the keyboard this time.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => fixture.maybePart('emoji-picker'), 'the grid opens again');
  });

  it('closes when focus leaves it, and on a second click of its button', async () => {
    const fixture = await chatFixture({ open: true });
    await openPicker(fixture);
    await sendKeys({ press: 'Tab' });
    await fixture.chat.updateComplete;
    expect(fixture.maybePart('emoji-picker')).to.be.null;

    await openPicker(fixture);
    fixture.part('emoji-button').click();
    await fixture.chat.updateComplete;
    expect(fixture.maybePart('emoji-picker')).to.be.null;
  });

  it('is disabled while the chat is not configured', async () => {
    const fixture = await chatFixture({ open: true, configured: false });
    expect(fixture.part<HTMLButtonElement>('emoji-button').disabled).to.be.true;
  });
});
