// "New conversation": an agent writes first to a contact on a channel (a WhatsApp number, an
// email address…). Shown only when the server has channel accounts. WhatsApp's approved
// templates are offered, with a field per parameter, since a contact who has not written in
// 24 hours can only be sent one.
import type { AgentClient } from '@switchboard/agent-sdk';
import type { ChannelAccount, ChannelTemplate } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h, setText } from '../lib/dom.js';
import { addressHint, chosenTemplate, outboundRequest } from '../lib/outbound-request.js';

export interface NewConversation {
  /** The button that opens the form; hidden while there are no channel accounts. */
  button: HTMLButtonElement;
  form: HTMLFormElement;
  /** Reads the channel accounts (after sign-in); the button shows when there are some. */
  load(): Promise<void>;
}

const labelled = (text: string, control: HTMLElement) =>
  h('label', { className: 'action-field' }, document.createTextNode(`${text} `), control);

export function newConversation(
  client: AgentClient,
  onStarted: (conversationId: string) => void,
): NewConversation {
  let accounts: ChannelAccount[] = [];
  let templates: ChannelTemplate[] = [];
  let busy = false;

  const button = h('button', {
    className: 'button subtle',
    testId: 'new-conversation',
    text: 'New conversation',
    attrs: { type: 'button' },
  });
  button.hidden = true;
  const account = h('select', { testId: 'outbound-account' });
  const to = h('input', { className: 'details-input', testId: 'outbound-to', attrs: { required: '' } });
  const name = h('input', { className: 'details-input', testId: 'outbound-name' });
  const subject = h('input', { className: 'details-input', testId: 'outbound-subject' });
  const template = h('select', { testId: 'outbound-template' });
  const parameters = h('div', { className: 'outbound-parameters', testId: 'outbound-parameters' });
  const text = h('textarea', { className: 'details-input', testId: 'outbound-text', attrs: { rows: '3' } });
  const error = h('p', { className: 'form-error', testId: 'outbound-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const send = h('button', {
    className: 'button primary',
    testId: 'outbound-send',
    text: 'Start',
    attrs: { type: 'submit' },
  });
  const cancel = h('button', { className: 'button subtle', text: 'Cancel', attrs: { type: 'button' } });
  const subjectField = labelled('Subject', subject);
  const templateField = labelled('Template', template);
  const textField = labelled('Message', text);
  const form = h(
    'form',
    {
      className: 'action-form outbound-form',
      testId: 'outbound-form',
      // The form names what is missing itself, in words, rather than the browser's bubbles.
      attrs: { 'aria-label': 'New conversation', novalidate: '' },
    },
    labelled('Channel', account),
    labelled('To', to),
    labelled('Name', name),
    subjectField,
    templateField,
    parameters,
    textField,
    h('div', { className: 'form-actions' }, send, cancel),
    error,
  );
  form.hidden = true;

  const current = () => accounts.find((candidate) => candidate.id === account.value);

  function showError(message: string): void {
    setText(error, message);
    error.hidden = message === '';
  }

  /** The fields the chosen channel and template need. */
  function render(): void {
    const chosen = current();
    to.placeholder = chosen ? addressHint(chosen.channel) : '';
    subjectField.hidden = chosen?.channel !== 'email';
    templateField.hidden = templates.length === 0;
    const picked = chosenTemplate(templates, template.value);
    textField.hidden = picked !== undefined;
    const count = picked?.parameterCount ?? 0;
    while (parameters.childElementCount > count) parameters.lastElementChild?.remove();
    while (parameters.childElementCount < count) {
      const index = parameters.childElementCount + 1;
      parameters.append(
        labelled(
          `{{${index}}}`,
          h('input', { className: 'details-input', testId: 'outbound-parameter', attrs: { required: '' } }),
        ),
      );
    }
    send.disabled = busy;
  }

  async function loadTemplates(): Promise<void> {
    const chosen = current();
    templates = chosen ? await client.listTemplates(chosen.id).catch(() => []) : [];
    template.replaceChildren(
      h('option', { text: 'None: free text', attrs: { value: '' } }),
      ...templates.map((item) =>
        h('option', {
          text: `${item.name} (${item.language})`,
          attrs: { value: `${item.name}|${item.language}` },
        }),
      ),
    );
    render();
  }

  button.addEventListener('click', () => {
    form.hidden = !form.hidden;
    showError('');
    if (!form.hidden) to.focus();
  });
  cancel.addEventListener('click', () => {
    form.hidden = true;
  });
  account.addEventListener('change', () => void loadTemplates());
  template.addEventListener('change', render);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = [...parameters.querySelectorAll('input')].map((input) => input.value);
    const check = outboundRequest(
      {
        accountId: account.value,
        to: to.value,
        name: name.value,
        subject: subject.value,
        text: text.value,
        template: template.value,
        parameters: values,
      },
      current(),
      templates,
    );
    if (!check.ok) {
      showError(check.problem);
      return;
    }
    busy = true;
    showError('');
    render();
    client
      .startConversation(check.request)
      .then(({ conversation }) => {
        form.hidden = true;
        form.reset();
        void loadTemplates();
        onStarted(conversation.id);
      })
      .catch((failure: unknown) => showError(describeError(failure)))
      .finally(() => {
        busy = false;
        render();
      });
  });

  return {
    button,
    form,
    async load() {
      accounts = await client.listChannels().catch(() => []);
      account.replaceChildren(
        ...accounts.map((item) =>
          h('option', { text: `${item.name} (${item.channel})`, attrs: { value: item.id } }),
        ),
      );
      button.hidden = accounts.length === 0;
      await loadTemplates();
    },
  };
}
