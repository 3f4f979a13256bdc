import { SwitchboardError, type VisitorClient } from '@switchboard/agent-sdk';
import type { Message } from '@switchboard/protocol';
import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { chatFixture, deepActiveElement, textOf, type ChatFixture } from '../../test/chat-fixture.js';
import { conversation, site } from '../../test/fake-visitor-client.js';
import { message } from '../testing/factories.js';

const formMessage = message({
  authorKind: 'system',
  authorId: null,
  text: 'Nobody is here right now. Leave us a message.',
  form: {
    kind: 'offline',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: false },
      { name: 'email', label: 'Email', type: 'email', required: true },
      { name: 'message', label: 'Message', type: 'textarea', required: true },
    ],
  },
});

type Submit = VisitorClient['submitOfflineForm'];

function offline(submitOfflineForm?: Submit) {
  return chatFixture({
    open: true,
    state: { site: site(false), conversation: conversation({ status: 'queued' }), messages: [formMessage] },
    client: submitOfflineForm ? { submitOfflineForm } : {},
  });
}

const field = <E extends HTMLElement = HTMLInputElement>(fixture: ChatFixture, name: string) =>
  fixture.root.querySelector<E>(`[part~="offline-form-input"][name="${name}"]`)!;

/** The field's error as assistive technology reaches it: through aria-describedby. */
function errorOf(fixture: ChatFixture, name: string): string | null {
  const input = field(fixture, name);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const id = input.getAttribute('aria-describedby');
  return id ? textOf(fixture.root.getElementById(id)) : '(no description)';
}

async function fill(fixture: ChatFixture, name: string, text: string): Promise<void> {
  field(fixture, name).focus();
  await sendKeys({ type: text });
}

async function submit(fixture: ChatFixture): Promise<void> {
  fixture.part('offline-form-submit').click();
  await fixture.chat.updateComplete;
}

describe('offline form', () => {
  it('is a labelled form whose fields have labels, types and required marks', async () => {
    const fixture = await offline();
    const form = fixture.part('offline-form');
    expect(form.localName).to.equal('form');
    expect(form.getAttribute('aria-label')).to.equal('Leave us a message');

    const labels = fixture.parts<HTMLLabelElement>('offline-form-label');
    expect(labels.map((label) => label.control?.getAttribute('name'))).to.deep.equal([
      'name',
      'email',
      'message',
    ]);
    expect(labels.map((label) => textOf(label))).to.deep.equal(['Name', 'Email*', 'Message*']);
    for (const mark of fixture.parts('offline-form-required'))
      expect(mark.getAttribute('aria-hidden')).to.equal('true');

    expect(field(fixture, 'name').required).to.be.false;
    expect(field(fixture, 'email').required).to.be.true;
    expect(field(fixture, 'email').type).to.equal('email');
    expect(field(fixture, 'email').autocomplete).to.equal('email');
    expect(field(fixture, 'message').localName).to.equal('textarea');
    expect(field(fixture, 'message').required).to.be.true;
  });

  it('refuses empty required fields with a message on each, focusing the first', async () => {
    const fixture = await offline();
    await submit(fixture);
    expect(errorOf(fixture, 'name')).to.be.null;
    expect(errorOf(fixture, 'email')).to.equal('Please fill this in.');
    expect(errorOf(fixture, 'message')).to.equal('Please fill this in.');
    await waitUntil(() => deepActiveElement() === field(fixture, 'email'), 'focus moves to the email field');
    expect(fixture.client.callsTo('submitOfflineForm')).to.be.empty;
  });

  it('refuses an email address that cannot be one', async () => {
    const fixture = await offline();
    await fill(fixture, 'email', 'ada@example');
    await fill(fixture, 'message', 'Hello');
    await submit(fixture);
    expect(errorOf(fixture, 'email')).to.equal('Please enter a valid email address.');
    expect(errorOf(fixture, 'message')).to.be.null;
    expect(fixture.client.callsTo('submitOfflineForm')).to.be.empty;
  });

  it('keeps what the visitor types into the email field when it starts with a space', async () => {
    // An email field drops outer spaces from its value; writing that value back while the visitor
    // types used to move the caret and scramble the address ("da@example.com a").
    const fixture = await offline();
    await fill(fixture, 'email', ' ada@example.com');
    expect(field(fixture, 'email').value).to.equal('ada@example.com');
  });

  it("clears a field's error as the visitor corrects it, keeping the others", async () => {
    const fixture = await offline();
    await submit(fixture);
    await fill(fixture, 'email', 'a');
    await fixture.chat.updateComplete;
    expect(errorOf(fixture, 'email')).to.be.null;
    expect(errorOf(fixture, 'message')).to.equal('Please fill this in.');
  });

  it('sends the answers, trimmed, showing it is sending, then thanks the visitor', async () => {
    let answer!: () => void;
    const fixture = await offline(
      () => new Promise<Message>((resolve) => (answer = () => resolve(message({ authorKind: 'visitor' })))),
    );
    await fill(fixture, 'name', ' Ada ');
    await fill(fixture, 'email', ' ada@example.com ');
    await fill(fixture, 'message', 'Please call me back');
    // Enter in a text field submits the form, as in any form.
    field(fixture, 'email').focus();
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;

    expect(fixture.client.callsTo('submitOfflineForm')).to.deep.equal([
      [{ name: 'Ada', email: 'ada@example.com', message: 'Please call me back' }],
    ]);
    const button = fixture.part<HTMLButtonElement>('offline-form-submit');
    expect(button.disabled).to.be.true;
    expect(textOf(button)).to.equal('Sending…');
    expect(field(fixture, 'email').readOnly).to.be.true;

    answer();
    await waitUntil(() => fixture.maybePart('offline-form-sent'), 'the thanks replaces the form');
    expect(textOf(fixture.part('offline-form-sent'))).to.equal("Thanks! We'll get back to you by email.");
    expect(fixture.part('offline-form-sent').getAttribute('role')).to.equal('status');
    expect(fixture.maybePart('offline-form')).to.be.null;
    await waitUntil(
      () => deepActiveElement() === fixture.part('composer-input'),
      'focus reaches the composer',
    );
  });

  it('leaves a blank name out of what it sends', async () => {
    const fixture = await offline(() => new Promise<Message>(() => {}));
    await fill(fixture, 'name', '   ');
    await fill(fixture, 'email', 'ada@example.com');
    await fill(fixture, 'message', 'Hi');
    await submit(fixture);
    expect(fixture.client.callsTo('submitOfflineForm')).to.deep.equal([
      [{ email: 'ada@example.com', message: 'Hi' }],
    ]);
  });

  it("puts the server's refusal on the field it names", async () => {
    const fixture = await offline(() =>
      Promise.reject(
        new SwitchboardError('invalid_payload', 'bad email', [{ path: 'email', message: 'Invalid email' }]),
      ),
    );
    await fill(fixture, 'email', 'ada@example.invalid');
    await fill(fixture, 'message', 'Hi');
    await submit(fixture);
    await waitUntil(() => errorOf(fixture, 'email'), 'the refusal lands on the email field');
    expect(errorOf(fixture, 'email')).to.equal('Please enter a valid email address.');
    expect(fixture.maybePart('offline-form-status')).to.be.null;
  });

  it('says when it could not be sent, with a retry that sends the same answers again', async () => {
    let attempts = 0;
    const fixture = await offline(() => {
      attempts++;
      return attempts === 1
        ? Promise.reject(new SwitchboardError('timeout', 'no answer'))
        : Promise.resolve(message({ authorKind: 'visitor' }));
    });
    await fill(fixture, 'email', 'ada@example.com');
    await fill(fixture, 'message', 'Hi');
    await submit(fixture);
    await waitUntil(() => fixture.maybePart('offline-form-status'), 'the failure is shown');
    const status = fixture.part('offline-form-status');
    expect(status.getAttribute('role')).to.equal('alert');
    expect(textOf(status)).to.equal('Your message could not be sent. Retry');
    expect(field(fixture, 'email').value).to.equal('ada@example.com');

    fixture.part('retry-button').click();
    await waitUntil(() => fixture.maybePart('offline-form-sent'), 'the retry went through');
    const calls = fixture.client.callsTo('submitOfflineForm');
    expect(calls).to.have.length(2);
    expect(calls[1]).to.deep.equal(calls[0]);
  });

  it('gives focus back to the button the visitor pressed when sending fails', async () => {
    const failures: (() => void)[] = [];
    const fixture = await offline(
      () =>
        new Promise<Message>((_, reject) =>
          failures.push(() => reject(new SwitchboardError('timeout', 'no answer'))),
        ),
    );
    await fill(fixture, 'email', 'ada@example.com');
    await fill(fixture, 'message', 'Hi');
    const submit = fixture.part<HTMLButtonElement>('offline-form-submit');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(submit.disabled).to.be.true;
    failures.shift()!();
    await waitUntil(() => fixture.maybePart('offline-form-status'), 'the failure is shown');
    await waitUntil(() => deepActiveElement() === submit, 'focus returns to the send button');

    // The retry button goes while sending and comes back with the next failure: focus with it.
    fixture.part('retry-button').focus();
    await sendKeys({ press: 'Enter' });
    await fixture.chat.updateComplete;
    expect(fixture.maybePart('retry-button')).to.be.null;
    failures.shift()!();
    await waitUntil(() => fixture.maybePart('retry-button'), 'the failure is shown again');
    await waitUntil(
      () => deepActiveElement() === fixture.part('retry-button'),
      'focus returns to the retry button',
    );
    expect(fixture.client.callsTo('submitOfflineForm')).to.have.length(2);
  });
});
