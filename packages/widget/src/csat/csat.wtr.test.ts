import type { Conversation } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, deepActiveElement, textOf, type ChatFixture } from '../../test/chat-fixture.js';
import { conversation } from '../../test/fake-visitor-client.js';

const resolved = conversation({ status: 'resolved', resolvedAt: '2025-01-01T11:00:00.000Z' });

function prompt(rate?: (score: number, comment?: string) => Promise<Conversation>) {
  return chatFixture({ open: true, state: { conversation: resolved }, client: rate ? { rate } : {} });
}

const radios = (fixture: ChatFixture) => [
  ...fixture.part('csat-scores').querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const filled = (fixture: ChatFixture) => fixture.parts('csat-score-filled').length;
const checked = (fixture: ChatFixture) => radios(fixture).findIndex((radio) => radio.checked) + 1;

/** What `rate` resolves with, and puts in the client's state, as the SDK does. */
function rated(fixture: ChatFixture, score: number, comment: string | null): Conversation {
  const next = { ...resolved, csat: { score, comment, ratedAt: '2025-01-01T11:05:00.000Z' } };
  fixture.client.setState({ conversation: next });
  return next;
}

describe('csat', () => {
  it('asks for a rating only once the conversation is resolved', async () => {
    const fixture = await chatFixture({
      open: true,
      state: { conversation: conversation({ status: 'active' }) },
    });
    expect(fixture.maybePart('csat')).to.be.null;
    await fixture.update({ conversation: resolved });
    expect(fixture.maybePart('csat')).not.to.be.null;
  });

  it('is a labelled form: five labelled stars in a radio group, an optional comment, a send button', async () => {
    const fixture = await prompt();
    const { part } = fixture;
    const form = part('csat');
    expect(form.localName).to.equal('form');
    expect(form.getAttribute('aria-labelledby')).to.equal(part('csat-title').id);
    expect(textOf(part('csat-title'))).to.equal('How would you rate this conversation?');
    expect(part('csat-scores').getAttribute('role')).to.equal('radiogroup');
    expect(radios(fixture).map((radio) => radio.getAttribute('aria-label'))).to.deep.equal([
      '1 of 5',
      '2 of 5',
      '3 of 5',
      '4 of 5',
      '5 of 5',
    ]);
    expect(part<HTMLLabelElement>('csat-comment-label').control).to.equal(part('csat-comment'));
    expect(textOf(part('csat-submit'))).to.equal('Send rating');
    expect(filled(fixture)).to.equal(0);
  });

  it('is rated from the keyboard: arrows move along the stars, filling up to the chosen one', async () => {
    const fixture = await prompt();
    radios(fixture)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await fixture.chat.updateComplete;
    expect(checked(fixture)).to.equal(1);
    expect(filled(fixture)).to.equal(1);

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await fixture.chat.updateComplete;
    expect(checked(fixture)).to.equal(4);
    expect(filled(fixture)).to.equal(4);
    expect(deepActiveElement()).to.equal(radios(fixture)[3]);

    await sendKeys({ press: 'ArrowLeft' });
    await fixture.chat.updateComplete;
    expect(checked(fixture)).to.equal(3);
    expect(filled(fixture)).to.equal(3);
  });

  it('is rated by a click anywhere on a star', async () => {
    const fixture = await prompt();
    fixture.parts('csat-score')[4]!.click();
    await fixture.chat.updateComplete;
    expect(checked(fixture)).to.equal(5);
    expect(filled(fixture)).to.equal(5);
  });

  it('asks for a score when sent without one, and moves focus to the stars', async () => {
    const fixture = await prompt();
    fixture.part('csat-submit').click();
    await fixture.chat.updateComplete;
    const error = fixture.part('csat-error');
    expect(textOf(error)).to.equal('Please choose a rating.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(fixture.part('csat-scores').getAttribute('aria-describedby')).to.equal(error.id);
    await waitUntil(() => deepActiveElement() === radios(fixture)[0], 'focus moves to the first star');
    expect(fixture.client.callsTo('rate')).to.be.empty;

    // Choosing a score answers it.
    fixture.parts('csat-score')[1]!.click();
    await fixture.chat.updateComplete;
    expect(fixture.maybePart('csat-error')).to.be.null;
  });

  it('sends the score and comment, shows it is sending, then thanks the visitor', async () => {
    let answer!: () => void;
    const fixture: ChatFixture = await prompt(
      (score, comment) =>
        new Promise((resolve) => {
          answer = () => resolve(rated(fixture, score, comment ?? null));
        }),
    );
    fixture.parts('csat-score')[3]!.click();
    fixture.part('csat-comment').focus();
    await sendKeys({ type: 'Quick and kind' });
    fixture.part('csat-submit').click();
    await fixture.chat.updateComplete;

    expect(fixture.client.callsTo('rate')).to.deep.equal([[4, 'Quick and kind']]);
    const submit = fixture.part<HTMLButtonElement>('csat-submit');
    expect(submit.disabled).to.be.true;
    expect(textOf(submit)).to.equal('Sending…');
    expect(radios(fixture).every((radio) => radio.disabled)).to.be.true;
    expect(fixture.part<HTMLTextAreaElement>('csat-comment').readOnly).to.be.true;

    answer();
    await waitUntil(() => fixture.maybePart('csat-thanks'), 'the thanks replaces the prompt');
    const thanks = fixture.part('csat-thanks');
    expect(textOf(thanks)).to.equal('Thanks for your feedback! You rated this conversation 4 of 5.');
    expect(thanks.getAttribute('role')).to.equal('status');
    expect(fixture.maybePart('csat')).to.be.null;
    await waitUntil(
      () => deepActiveElement() === fixture.part('composer-input'),
      'focus reaches the composer',
    );
  });

  it('says when the rating could not be sent, keeping the answers for another try', async () => {
    const fixture = await prompt(() => Promise.reject(new Error('timeout')));
    fixture.parts('csat-score')[1]!.click();
    fixture.part('csat-comment').focus();
    await sendKeys({ type: 'meh' });
    fixture.part('csat-submit').click();
    await waitUntil(() => fixture.maybePart('csat-error'), 'the failure is shown');
    expect(textOf(fixture.part('csat-error'))).to.equal('Your rating could not be sent. Please try again.');
    expect(checked(fixture)).to.equal(2);
    expect(fixture.part<HTMLTextAreaElement>('csat-comment').value).to.equal('meh');
    expect(fixture.part<HTMLButtonElement>('csat-submit').disabled).to.be.false;
  });

  it('thanks instead of asking when the conversation was already rated', async () => {
    const fixture = await chatFixture({
      open: true,
      state: {
        conversation: { ...resolved, csat: { score: 2, comment: null, ratedAt: resolved.resolvedAt! } },
      },
    });
    expect(fixture.maybePart('csat')).to.be.null;
    expect(textOf(fixture.part('csat-thanks'))).to.equal(
      'Thanks for your feedback! You rated this conversation 2 of 5.',
    );
  });

  it('gives focus back to the send button when the rating could not be sent', async () => {
    let fail!: () => void;
    const fixture = await prompt(
      () => new Promise((_, reject) => (fail = () => reject(new Error('timeout')))),
    );
    radios(fixture)[2]!.focus();
    await sendKeys({ press: 'Space' });
    const submit = fixture.part<HTMLButtonElement>('csat-submit');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(submit.disabled).to.be.true;
    fail();
    await waitUntil(() => fixture.maybePart('csat-error'), 'the failure is shown');
    await waitUntil(() => deepActiveElement() === submit, 'focus returns to the send button');
    expect(radios(fixture).every((radio) => !radio.disabled)).to.be.true;
  });
});
