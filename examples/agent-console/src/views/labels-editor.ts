import type { AgentClient } from '@switchboard/agent-sdk';
import type { Conversation, Label } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h, reconcile, setText } from '../lib/dom.js';
import { labelTextColor } from '../lib/label-colors.js';
import { Disposer, watch } from '../lib/watch.js';
import { detailsSection, formError, showError } from './details-section.js';

export interface LabelsEditor {
  element: HTMLElement;
  show(conversation: Conversation | undefined): void;
  dispose(): void;
}

const NEW_LABEL = '__new__';
const DEFAULT_COLOUR = '#64748b';

/**
 * The site's labels on the conversation: coloured chips (× removes), a picker of the site's other
 * labels, and a small form for a new one (which goes on the conversation at once).
 */
export function labelsEditor(client: AgentClient): LabelsEditor {
  const chips = h('ul', { className: 'chips', testId: 'labels', attrs: { 'aria-label': 'Labels' } });
  const picker = h('select', {
    className: 'details-input',
    testId: 'label-picker',
    attrs: { 'aria-label': 'Add a label' },
  });
  const name = h('input', {
    className: 'details-input',
    testId: 'label-name',
    attrs: { type: 'text', placeholder: 'New label', 'aria-label': 'New label name', maxlength: '40' },
  });
  const colour = h('input', {
    className: 'label-colour',
    testId: 'label-colour',
    attrs: { type: 'color', value: DEFAULT_COLOUR, 'aria-label': 'New label colour' },
  });
  const create = h('button', {
    className: 'button',
    testId: 'label-create',
    text: 'Create',
    attrs: { type: 'submit' },
  });
  const form = h('form', { className: 'inline-form' }, name, colour, create);
  form.hidden = true;
  const error = formError('label-error');
  const element = detailsSection('labels-section', 'Labels', chips, picker, form, error);
  const nodes = new Map<string, HTMLLIElement>();
  const watchers = new Disposer();
  let conversation: Conversation | undefined;

  const siteLabels = (): Label[] =>
    conversation === undefined
      ? []
      : Object.values(client.getSnapshot().labels).filter((label) => label.siteId === conversation?.siteId);

  function run(request: Promise<unknown>): void {
    showError(error, null);
    request.catch((reason: unknown) => showError(error, describeError(reason)));
  }

  function chip(label: Label): HTMLLIElement {
    const remove = h('button', {
      className: 'chip-remove',
      testId: 'label-remove',
      text: '×',
      attrs: { type: 'button', 'aria-label': `Remove label ${label.name}` },
    });
    remove.addEventListener('click', () => {
      if (conversation) run(client.removeLabel(conversation.id, label.id));
    });
    return h(
      'li',
      { className: 'chip label-chip', testId: 'label', attrs: { 'data-label-id': label.id } },
      h('span'),
      remove,
    );
  }

  function paint(node: HTMLLIElement, label: Label): void {
    setText(node.firstElementChild ?? node, label.name);
    node.style.backgroundColor = label.color;
    node.style.color = labelTextColor(label.color);
  }

  function render(): void {
    const labels = client.getSnapshot().labels;
    const applied = (conversation?.labelIds ?? []).flatMap((id) => (labels[id] ? [labels[id]] : []));
    reconcile(chips, nodes, applied, (label) => label.id, chip);
    for (const label of applied) paint(nodes.get(label.id)!, label);
    chips.hidden = applied.length === 0;
    const options = siteLabels().filter((label) => !conversation?.labelIds.includes(label.id));
    picker.replaceChildren(
      h('option', { text: 'Add a label…', attrs: { value: '' } }),
      ...options.map((label) => h('option', { text: label.name, attrs: { value: label.id } })),
      h('option', { text: 'New label…', attrs: { value: NEW_LABEL } }),
    );
  }

  picker.addEventListener('change', () => {
    const value = picker.value;
    picker.value = '';
    if (!conversation || value === '') return;
    if (value === NEW_LABEL) {
      form.hidden = false;
      name.focus();
      return;
    }
    run(client.addLabel(conversation.id, value));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = conversation;
    if (!target || name.value.trim() === '') return;
    run(
      client.createLabel({ siteId: target.siteId, name: name.value, color: colour.value }).then((label) => {
        name.value = '';
        form.hidden = true;
        return client.addLabel(target.id, label.id);
      }),
    );
  });

  watchers.add(watch(client, (state) => state.labels, render));

  return {
    element,
    show(next) {
      if (next?.id !== conversation?.id) {
        form.hidden = true;
        showError(error, null);
      }
      conversation = next;
      render();
    },
    dispose: () => watchers.dispose(),
  };
}
