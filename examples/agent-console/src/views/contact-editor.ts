import type { AgentClient, SwitchboardError } from '@switchboard/agent-sdk';
import type { Contact, Conversation } from '@switchboard/protocol';
import { contactChanges, contactForm, type ContactForm } from '../lib/contact-form.js';
import { fieldLabel } from '../lib/contact-fields.js';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';
import { Disposer, watch } from '../lib/watch.js';
import { detailsSection, formError, showError } from './details-section.js';

export interface ContactEditor {
  element: HTMLElement;
  show(conversation: Conversation | undefined): void;
  dispose(): void;
}

const FIELDS = [
  { name: 'name', label: 'Name', type: 'text' },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel' },
] as const;

/**
 * The conversation's contact, editable: name, email, phone and custom attributes (rows of key and
 * value; clearing a key removes it). Save sends only what changed; the server takes all of it or
 * none and names each field it refused. Edits by colleagues show at once unless you are mid-edit.
 */
export function contactEditor(client: AgentClient): ContactEditor {
  const inputs = Object.fromEntries(
    FIELDS.map(({ name, label, type }) => [
      name,
      h('input', {
        className: 'details-input',
        testId: `contact-${name}`,
        attrs: { type, name, 'aria-label': label, autocomplete: 'off' },
      }),
    ]),
  ) as Record<(typeof FIELDS)[number]['name'], HTMLInputElement>;
  const attributes = h('div', { className: 'attribute-rows', testId: 'contact-attributes' });
  const addRow = h('button', {
    className: 'link-button',
    testId: 'contact-add-attribute',
    text: '+ Attribute',
    attrs: { type: 'button' },
  });
  const save = h('button', {
    className: 'button primary',
    testId: 'contact-save',
    text: 'Save',
    attrs: { type: 'submit' },
  });
  const reset = h('button', {
    className: 'button subtle',
    testId: 'contact-reset',
    text: 'Undo',
    attrs: { type: 'button' },
  });
  const status = h('p', { className: 'details-status', testId: 'contact-status', attrs: { role: 'status' } });
  const error = formError('contact-error');
  const form = h(
    'form',
    // The server is the one judge of what a contact may hold; its refusal names each field.
    { className: 'contact-form', testId: 'contact-form', attrs: { novalidate: '' } },
    ...FIELDS.map(({ name, label }) =>
      h('label', { className: 'contact-field' }, h('span', { text: label }), inputs[name]),
    ),
    attributes,
    addRow,
    h('div', { className: 'form-actions' }, save, reset),
  );
  const element = detailsSection('contact-section', 'Contact', form, status, error);
  const watchers = new Disposer();
  let conversation: Conversation | undefined;
  let contact: Contact | null = null;
  let dirty = false;
  let saving = false;

  function attributeRow(key: string, value: string): HTMLDivElement {
    const keyInput = h('input', {
      className: 'details-input attribute-key',
      testId: 'attribute-key',
      attrs: {
        type: 'text',
        value: key,
        placeholder: 'key',
        'aria-label': 'Attribute name',
        maxlength: '64',
      },
    });
    const valueInput = h('input', {
      className: 'details-input attribute-value',
      testId: 'attribute-value',
      attrs: {
        type: 'text',
        value,
        placeholder: 'value',
        'aria-label': key === '' ? 'Attribute value' : fieldLabel(key),
      },
    });
    const remove = h('button', {
      className: 'chip-remove',
      testId: 'attribute-remove',
      text: '×',
      attrs: { type: 'button', 'aria-label': `Remove ${key === '' ? 'attribute' : fieldLabel(key)}` },
    });
    const row = h(
      'div',
      { className: 'attribute-row', attrs: { 'data-key': key } },
      keyInput,
      valueInput,
      remove,
    );
    remove.addEventListener('click', () => {
      row.remove();
      changed();
    });
    return row;
  }

  function fill(next: Contact | null): void {
    const values: ContactForm = next ? contactForm(next) : { name: '', email: '', phone: '', attributes: [] };
    for (const { name } of FIELDS) {
      inputs[name].value = values[name];
      inputs[name].removeAttribute('aria-invalid');
    }
    attributes.replaceChildren(...values.attributes.map(({ key, value }) => attributeRow(key, value)));
    dirty = false;
    refresh();
  }

  function read(): ContactForm {
    return {
      name: inputs.name.value,
      email: inputs.email.value,
      phone: inputs.phone.value,
      attributes: [...attributes.querySelectorAll('.attribute-row')].map((row) => ({
        key: row.querySelector<HTMLInputElement>('.attribute-key')?.value ?? '',
        value: row.querySelector<HTMLInputElement>('.attribute-value')?.value ?? '',
      })),
    };
  }

  function refresh(): void {
    const changes = contact === null ? null : contactChanges(contact, read());
    save.disabled = contact === null || saving || changes === null;
    reset.hidden = !dirty;
    form.toggleAttribute('inert', contact === null);
  }

  function changed(): void {
    dirty = true;
    status.textContent = '';
    refresh();
  }

  /** The server's issues (`email`, `attributes.plan`) marked on their inputs. */
  function markInvalid(reason: unknown): void {
    const paths = new Set(((reason as SwitchboardError).issues ?? []).map((issue) => issue.path));
    for (const { name } of FIELDS) inputs[name].toggleAttribute('aria-invalid', paths.has(name));
    for (const row of attributes.querySelectorAll<HTMLElement>('.attribute-row')) {
      const key = row.querySelector<HTMLInputElement>('.attribute-key')?.value.trim() ?? '';
      row.toggleAttribute('aria-invalid', paths.has(`attributes.${key}`) || paths.has('attributes'));
    }
  }

  form.addEventListener('input', changed);
  addRow.addEventListener('click', () => {
    const row = attributeRow('', '');
    attributes.append(row);
    row.querySelector('input')?.focus();
    changed();
  });
  reset.addEventListener('click', () => {
    showError(error, null);
    fill(contact);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (contact === null) return;
    const changes = contactChanges(contact, read());
    if (changes === null) return;
    saving = true;
    showError(error, null);
    refresh();
    client
      .updateContact(contact.id, changes)
      .then(
        (saved) => {
          contact = saved;
          fill(saved);
          status.textContent = 'Saved';
        },
        (reason: unknown) => {
          markInvalid(reason);
          showError(error, describeError(reason));
        },
      )
      .finally(() => {
        saving = false;
        refresh();
      });
  });

  return {
    element,
    show(next) {
      if (next?.id === conversation?.id) return;
      conversation = next;
      watchers.dispose();
      contact = null;
      status.textContent = '';
      showError(error, null);
      fill(null);
      if (next === undefined) return;
      const contactId = next.contactId;
      // Live: a colleague's save (or a bot's) replaces the form unless you are editing it.
      watchers.add(
        watch(
          client,
          (state) => state.contacts[contactId],
          (held) => {
            if (held === undefined || dirty) return;
            contact = held;
            fill(held);
          },
        ),
      );
      client.getContact(contactId).catch((reason: unknown) => {
        if (conversation?.id === next.id)
          showError(error, `Could not load the contact: ${describeError(reason)}`);
      });
    },
    dispose: () => watchers.dispose(),
  };
}
