import type { AgentClient } from '@switchboard/agent-sdk';
import type { Conversation } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h, reconcile } from '../lib/dom.js';
import { parseTagInput } from '../lib/tag-input.js';
import { detailsSection, formError, showError } from './details-section.js';

export interface TagsEditor {
  element: HTMLElement;
  /** Follows the open conversation's latest snapshot: its tags change live on every console. */
  show(conversation: Conversation | undefined): void;
}

/** The conversation's tags as chips (× removes one) and a field that adds (commas separate). */
export function tagsEditor(client: AgentClient): TagsEditor {
  const chips = h('ul', { className: 'chips', testId: 'tags', attrs: { 'aria-label': 'Tags' } });
  const input = h('input', {
    className: 'details-input',
    testId: 'tag-input',
    attrs: {
      type: 'text',
      placeholder: 'Add tags, comma-separated',
      'aria-label': 'Add tags',
      maxlength: '200',
    },
  });
  const add = h('button', { className: 'button', testId: 'tag-add', text: 'Add', attrs: { type: 'submit' } });
  const error = formError('tag-error');
  const form = h('form', { className: 'inline-form' }, input, add);
  const element = detailsSection('tags-section', 'Tags', chips, form, error);
  const nodes = new Map<string, HTMLLIElement>();
  let conversation: Conversation | undefined;

  function run(request: Promise<unknown>): void {
    showError(error, null);
    request.catch((reason: unknown) => showError(error, describeError(reason)));
  }

  function chip(tag: string): HTMLLIElement {
    const remove = h('button', {
      className: 'chip-remove',
      testId: 'tag-remove',
      text: '×',
      attrs: { type: 'button', 'aria-label': `Remove tag ${tag}` },
    });
    remove.addEventListener('click', () => {
      if (conversation) run(client.removeTags(conversation.id, [tag]));
    });
    return h(
      'li',
      { className: 'chip tag-chip', testId: 'tag', attrs: { 'data-tag': tag } },
      h('span', { text: tag }),
      remove,
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!conversation) return;
    const parsed = parseTagInput(input.value);
    if (parsed.problem !== null) {
      showError(error, parsed.problem);
      return;
    }
    const typed = input.value;
    input.value = '';
    run(
      client.addTags(conversation.id, parsed.tags).catch((reason: unknown) => {
        if (input.value === '') input.value = typed;
        throw reason;
      }),
    );
  });

  return {
    element,
    show(next) {
      if (next?.id !== conversation?.id) {
        input.value = '';
        showError(error, null);
      }
      conversation = next;
      reconcile(chips, nodes, next?.tags ?? [], (tag) => tag, chip);
      chips.hidden = (next?.tags.length ?? 0) === 0;
    },
  };
}
