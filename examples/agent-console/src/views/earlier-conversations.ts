import type { AgentClient } from '@switchboard/agent-sdk';
import type { Conversation } from '@switchboard/protocol';
import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';
import { statusLabel } from '../lib/labels.js';
import { formatFullTime, formatRelativeTime } from '../lib/relative-time.js';
import { detailsSection, formError, showError } from './details-section.js';

export interface EarlierConversations {
  element: HTMLElement;
  show(conversation: Conversation | undefined): void;
}

const PAGE_SIZE = 10;

/** The contact's other conversations, newest first, a page at a time; choosing one opens it. */
export function earlierConversations(
  client: AgentClient,
  onOpen: (conversationId: string) => void,
): EarlierConversations {
  const list = h('ul', { className: 'earlier-list', testId: 'earlier-conversations' });
  const empty = h('p', {
    className: 'details-empty',
    testId: 'earlier-empty',
    text: 'No earlier conversations.',
  });
  const more = h('button', {
    className: 'link-button',
    testId: 'earlier-more',
    text: 'Show more',
    attrs: { type: 'button' },
  });
  const error = formError('earlier-error');
  const element = detailsSection('earlier-section', 'Earlier conversations', list, empty, more, error);
  let current: Conversation | undefined;
  let cursor: string | null = null;
  /** Bumped per conversation, so a slow page never lands in another one's list. */
  let version = 0;

  function item(conversation: Conversation): HTMLLIElement {
    const when = conversation.lastMessageAt ?? conversation.createdAt;
    const open = h(
      'button',
      {
        className: 'row-button earlier-item',
        attrs: { type: 'button', 'data-conversation-id': conversation.id },
      },
      h('span', {
        className: 'status-badge',
        text: statusLabel(conversation.status),
        attrs: { 'data-status': conversation.status },
      }),
      h('span', {
        className: 'row-time',
        text: formatRelativeTime(when, Date.now()),
        attrs: { title: formatFullTime(when) },
      }),
    );
    open.addEventListener('click', () => onOpen(conversation.id));
    return h(
      'li',
      { testId: 'earlier-conversation', attrs: { 'data-conversation-id': conversation.id } },
      open,
    );
  }

  function load(reset: boolean): void {
    if (current === undefined) return;
    const asked = reset ? ++version : version;
    const { id, contactId } = current;
    more.disabled = true;
    client
      .contactConversations(contactId, { limit: PAGE_SIZE, ...(cursor && !reset ? { cursor } : {}) })
      .then(
        (page) => {
          if (asked !== version) return;
          if (reset) list.replaceChildren();
          list.append(...page.items.filter((conversation) => conversation.id !== id).map(item));
          cursor = page.nextCursor;
          showError(error, null);
        },
        (reason: unknown) => {
          if (asked === version) showError(error, describeError(reason));
        },
      )
      .finally(() => {
        if (asked !== version) return;
        more.disabled = false;
        more.hidden = cursor === null;
        empty.hidden = list.childElementCount > 0;
      });
  }

  more.addEventListener('click', () => load(false));

  return {
    element,
    show(next) {
      if (next?.id === current?.id) return;
      current = next;
      cursor = null;
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      showError(error, null);
      if (next === undefined) version++;
      else load(true);
    },
  };
}
