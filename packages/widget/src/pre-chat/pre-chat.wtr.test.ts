import { SwitchboardError, type VisitorClient } from '@switchboard/agent-sdk';
import type { PreChatResult, PreChatSettings, PublicSite } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, deepActiveElement, textOf, type ChatFixture } from '../../test/chat-fixture.js';
import { conversation, site } from '../../test/fake-visitor-client.js';

const FORM: PreChatSettings = {
  enabled: true,
  intro: "Tell us who you are and we'll be right with you.",
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'phone', label: 'Phone', type: 'tel', required: false },
  ],
  askForMessage: true,
  consent: { required: true, text: 'I agree to be contacted.', url: 'https://example.com/privacy' },
};

const withForm = (preChat: PreChatSettings | null = FORM): PublicSite => ({ ...site(), preChat });

type Submit = VisitorClient['submitPreChat'];

/** The open chat of a site whose pre-chat form (`preChat`) is due for this new visitor. */
function preChat(submitPreChat?: Submit, preChat: PreChatSettings | null = FORM): Promise<ChatFixture> {
  return chatFixture({
    open: true,
    state: { site: withForm(preChat) },
    client: submitPreChat ? { submitPreChat } : {},
  });
}

/** What the server answers to a sent form, put in the client's state first as the SDK does. */
function started(fixture: ChatFixture): PreChatResult {
  const fresh = conversation({ status: 'bot' });
  fixture.client.setState({ conversation: fresh });
  return { contact: {} as PreChatResult['contact'], conversation: fresh, message: null };
}

const input = <E extends HTMLElement = HTMLInputElement>(fixture: ChatFixture, name: string) =>
  fixture.root.querySelector<E>(`[part~="pre-chat-input"][name="${name}"]`)!;
const consentBox = (fixture: ChatFixture) => fixture.part<HTMLInputElement>('pre-chat-consent-checkbox');

/** A control's error as assistive technology reaches it: through aria-describedby. */
function errorOf(fixture: ChatFixture, control: HTMLElement): string | null {
  if (control.getAttribute('aria-invalid') !== 'true') return null;
  const id = control.getAttribute('aria-describedby');
  return id ? textOf(fixture.root.getElementById(id)) : '(no description)';
}

async function type(fixture: ChatFixture, name: string, text: string): Promise<void> {
  input(fixture, name).focus();
  await sendKeys({ type: text });
}

/** Fills every required answer, ticking the consent box from the keyboard. */
async function fillIn(fixture: ChatFixture): Promise<void> {
  await type(fixture, 'name', 'Ada');
  await type(fixture, 'email', 'ada@example.com');
  await type(fixture, 'message', 'Where is my parcel?');
  consentBox(fixture).focus();
  await sendKeys({ press: 'Space' });
  await fixture.chat.updateComplete;
}

describe('pre-chat form', () => {
  it("draws the site's fields in its order, with labels, types and required marks", async () => {
    const fixture = await preChat();
    const form = fixture.part('pre-chat');
    expect(form.localName).to.equal('form');
    expect(form.getAttribute('aria-label')).to.equal('Before we start');
    expect(textOf(fixture.part('pre-chat-intro'))).to.equal(FORM.intro);

    const labels = fixture.parts<HTMLLabelElement>('pre-chat-label');
    expect(labels.map((label) => textOf(label))).to.deep.equal([
      'Name*',
      'Email*',
      'Phone',
      'How can we help?*',
      'I agree to be contacted.*',
    ]);
    expect(labels.map((label) => label.control)).to.deep.equal([
      input(fixture, 'name'),
      input(fixture, 'email'),
      input(fixture, 'phone'),
      input(fixture, 'message'),
      consentBox(fixture),
    ]);
    // The asterisk is for the eye; `required` tells assistive technology.
    for (const mark of fixture.parts('pre-chat-required'))
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
    expect(input(fixture, 'name').required).to.be.true;
    expect(input(fixture, 'phone').required).to.be.false;
    expect([input(fixture, 'email').type, input(fixture, 'email').autocomplete]).to.deep.equal([
      'email',
      'email',
    ]);
    expect([input(fixture, 'phone').type, input(fixture, 'phone').autocomplete]).to.deep.equal([
      'tel',
      'tel',
    ]);
    expect(input(fixture, 'message').localName).to.equal('textarea');
    expect(consentBox(fixture).required).to.be.true;
    expect(consentBox(fixture).checked).to.be.false;

    const policy = fixture.part<HTMLAnchorElement>('pre-chat-consent-link');
    expect(policy.href).to.equal('https://example.com/privacy');
    expect(policy.target).to.equal('_blank');
    expect(policy.rel).to.equal('noopener noreferrer');
    expect(textOf(policy)).to.equal('Privacy policy (opens in a new tab)');
    expect(textOf(fixture.part('pre-chat-submit'))).to.equal('Start chat');
  });

  it('comes before the chat: focus on its first field, the composer disabled meanwhile', async () => {
    const fixture = await preChat();
    await waitUntil(() => deepActiveElement() === input(fixture, 'name'), 'focus reaches the first field');
    expect(fixture.part<HTMLTextAreaElement>('composer-input').disabled).to.be.true;
  });

  it('takes focus when the panel opens on it', async () => {
    const fixture = await chatFixture({ state: { site: withForm() } });
    fixture.part('launcher').click();
    await fixture.settle();
    await waitUntil(() => deepActiveElement() === input(fixture, 'name'), 'focus reaches the first field');
  });

  it('leaves out the message and the consent box when the site does not ask for them', async () => {
    const fixture = await preChat(undefined, { ...FORM, intro: null, askForMessage: false, consent: null });
    expect(fixture.parts<HTMLInputElement>('pre-chat-input').map((field) => field.name)).to.deep.equal([
      'name',
      'email',
      'phone',
    ]);
    expect(fixture.maybePart('pre-chat-intro')).to.be.null;
    expect(fixture.maybePart('pre-chat-consent')).to.be.null;
  });

  it('links no policy that is not https, keeping the consent text', async () => {
    const fixture = await preChat(undefined, {
      ...FORM,
      consent: { required: false, text: 'Keep me posted.', url: 'javascript:alert(1)' },
    });
    expect(fixture.maybePart('pre-chat-consent-link')).to.be.null;
    expect(textOf(fixture.part('pre-chat-consent'))).to.equal('Keep me posted.');
    expect(consentBox(fixture).required).to.be.false;
  });

  it('is not shown without a site form, or once there is a conversation', async () => {
    const none = await chatFixture({ open: true, state: { site: withForm(null) } });
    expect(none.maybePart('pre-chat')).to.be.null;
    expect(none.part<HTMLTextAreaElement>('composer-input').disabled).to.be.false;

    const resumed = await chatFixture({
      open: true,
      state: { site: withForm(), conversation: conversation() },
    });
    expect(resumed.maybePart('pre-chat')).to.be.null;
  });

  it('refuses what is missing or malformed, each error on its field, focusing the first', async () => {
    const fixture = await preChat();
    await type(fixture, 'email', 'ada@');
    await type(fixture, 'phone', 'call me');
    fixture.part('pre-chat-submit').click();
    await fixture.chat.updateComplete;

    expect(errorOf(fixture, input(fixture, 'name'))).to.equal('Please fill this in.');
    expect(errorOf(fixture, input(fixture, 'email'))).to.equal('Please enter a valid email address.');
    expect(errorOf(fixture, input(fixture, 'phone'))).to.equal('Please enter a valid phone number.');
    expect(errorOf(fixture, input(fixture, 'message'))).to.equal('Please fill this in.');
    expect(errorOf(fixture, consentBox(fixture))).to.equal('Please tick this box to continue.');
    expect(fixture.parts('pre-chat-error')).to.have.length(5);
    await waitUntil(
      () => deepActiveElement() === input(fixture, 'name'),
      'focus moves to the first refused field',
    );
    expect(fixture.client.callsTo('submitPreChat')).to.be.empty;
  });

  it("clears an error as the visitor fixes it, keeping the others'", async () => {
    const fixture = await preChat();
    fixture.part('pre-chat-submit').click();
    await fixture.chat.updateComplete;
    await type(fixture, 'name', 'A');
    consentBox(fixture).focus();
    await sendKeys({ press: 'Space' });
    await fixture.chat.updateComplete;
    expect(errorOf(fixture, input(fixture, 'name'))).to.be.null;
    expect(errorOf(fixture, consentBox(fixture))).to.be.null;
    expect(errorOf(fixture, input(fixture, 'email'))).to.equal('Please fill this in.');
  });

  it('sends the answers from the keyboard, shows it is sending, then hands over to the composer', async () => {
    let answer!: () => void;
    const fixture: ChatFixture = await preChat(
      () => new Promise((resolve) => (answer = () => resolve(started(fixture)))),
    );
    await fillIn(fixture);
    // Enter in a text field submits the form, as in any form.
    input(fixture, 'email').focus();
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;

    expect(fixture.client.callsTo('submitPreChat')).to.deep.equal([
      [{ fields: { name: 'Ada', email: 'ada@example.com' }, consent: true, message: 'Where is my parcel?' }],
    ]);
    const submit = fixture.part<HTMLButtonElement>('pre-chat-submit');
    expect(submit.disabled).to.be.true;
    expect(textOf(submit)).to.equal('Sending…');
    expect(input(fixture, 'name').readOnly).to.be.true;
    expect(input<HTMLTextAreaElement>(fixture, 'message').readOnly).to.be.true;
    expect(consentBox(fixture).disabled).to.be.true;

    answer();
    await waitUntil(() => !fixture.maybePart('pre-chat'), 'the form makes way for the chat');
    const composer = fixture.part<HTMLTextAreaElement>('composer-input');
    expect(composer.disabled).to.be.false;
    await waitUntil(() => deepActiveElement() === composer, 'focus reaches the composer');
  });

  it('does not ask for the message when the site does not, and sends none', async () => {
    const fixture: ChatFixture = await preChat(() => Promise.resolve(started(fixture)), {
      ...FORM,
      askForMessage: false,
      consent: null,
    });
    await type(fixture, 'name', 'Ada');
    await type(fixture, 'email', 'ada@example.com');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !fixture.maybePart('pre-chat'), 'the form makes way for the chat');
    expect(fixture.client.callsTo('submitPreChat')).to.deep.equal([
      [{ fields: { name: 'Ada', email: 'ada@example.com' }, consent: false }],
    ]);
  });

  it('says when the chat could not be started, keeps the answers, and retries from the same button', async () => {
    let fail!: () => void;
    let attempts = 0;
    const fixture: ChatFixture = await preChat(() => {
      attempts++;
      return attempts === 1
        ? new Promise((_, reject) => (fail = () => reject(new SwitchboardError('timeout', 'no answer'))))
        : Promise.resolve(started(fixture));
    });
    await fillIn(fixture);
    const submit = fixture.part<HTMLButtonElement>('pre-chat-submit');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(submit.disabled).to.be.true;
    fail();

    await waitUntil(() => fixture.maybePart('pre-chat-status'), 'the failure is shown');
    const status = fixture.part('pre-chat-status');
    expect(status.getAttribute('role')).to.equal('alert');
    expect(textOf(status)).to.equal('The chat could not be started. Please try again.');
    expect(textOf(submit)).to.equal('Retry');
    expect(submit.disabled).to.be.false;
    expect(input(fixture, 'email').value).to.equal('ada@example.com');
    expect(consentBox(fixture).checked).to.be.true;
    // The button was disabled while sending, which took focus away: it gets it back.
    await waitUntil(() => deepActiveElement() === submit, 'focus returns to the button the visitor pressed');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !fixture.maybePart('pre-chat'), 'the retry went through');
    const calls = fixture.client.callsTo('submitPreChat');
    expect(calls).to.have.length(2);
    expect(calls[1]).to.deep.equal(calls[0]);
  });

  it("puts the server's refusal on the field it names, and focuses it", async () => {
    const fixture = await preChat(() =>
      Promise.reject(
        new SwitchboardError('invalid_payload', 'Invalid pre-chat form', [
          { path: 'fields.email', message: 'must be an email address' },
        ]),
      ),
    );
    await fillIn(fixture);
    fixture.part('pre-chat-submit').click();
    await waitUntil(() => errorOf(fixture, input(fixture, 'email')), 'the refusal lands on the email field');
    expect(errorOf(fixture, input(fixture, 'email'))).to.equal('Please enter a valid email address.');
    expect(fixture.maybePart('pre-chat-status')).to.be.null;
    await waitUntil(
      () => deepActiveElement() === input(fixture, 'email'),
      'focus moves to the refused field',
    );
  });
});
