import type { ConversationRow } from '../lib/conversation-rows.js';
import { h, reconcile, setAttr, setText } from '../lib/dom.js';
import { handoffReasonBadge, handoffReasonText } from '../lib/handoff.js';
import { contactLabel, previewText, statusLabel } from '../lib/labels.js';
import { formatFullTime, formatRelativeTime } from '../lib/relative-time.js';

export interface ConversationListView {
  element: HTMLElement;
  update(
    rows: readonly ConversationRow[],
    selectedId: string | null,
    selfId: string | null,
    now: number,
  ): void;
  /** What the list says when it shows nothing, e.g. per tab. */
  setEmptyText(text: string): void;
}

interface RowParts {
  item: HTMLLIElement;
  button: HTMLButtonElement;
  contact: HTMLElement;
  time: HTMLTimeElement;
  status: HTMLElement;
  /** Why the bot handed over, on a handed-off conversation that waits in the queue. */
  handoff: HTMLElement;
  preview: HTMLElement;
}

/** The conversation list; rows are keyed by conversation id so focus survives live reordering. */
export function conversationListView(onSelect: (conversationId: string) => void): ConversationListView {
  const list = h('ul', {
    className: 'conversation-list',
    testId: 'conversation-list',
    attrs: { 'aria-label': 'Conversations' },
  });
  const empty = h('p', {
    className: 'empty-state',
    testId: 'conversation-list-empty',
    text: 'No conversations yet. New ones appear here as visitors write.',
  });
  const element = h('div', { className: 'conversation-list-scroller' }, list, empty);
  const nodes = new Map<string, HTMLLIElement>();
  const parts = new WeakMap<HTMLLIElement, RowParts>();

  function create(row: ConversationRow): HTMLLIElement {
    const contact = h('span', { className: 'row-contact' });
    const time = h('time', { className: 'row-time' });
    const status = h('span', { className: 'status-badge' });
    const handoff = h('span', { className: 'handoff-badge', testId: 'handoff-badge' });
    const preview = h('span', { className: 'row-preview' });
    const button = h(
      'button',
      { className: 'row-button', attrs: { type: 'button' } },
      h(
        'span',
        { className: 'row-line' },
        h('span', { className: 'unread-dot', attrs: { 'aria-hidden': 'true' } }),
        contact,
        time,
      ),
      h('span', { className: 'row-line' }, status, handoff, preview),
    );
    const id = row.conversation.id;
    button.addEventListener('click', () => onSelect(id));
    const item = h(
      'li',
      { className: 'conversation-item', testId: 'conversation-item', attrs: { 'data-conversation-id': id } },
      button,
    );
    parts.set(item, { item, button, contact, time, status, handoff, preview });
    return item;
  }

  return {
    element,
    update(rows, selectedId, selfId, now) {
      reconcile(list, nodes, rows, (row) => row.conversation.id, create);
      for (const row of rows) {
        const node = nodes.get(row.conversation.id);
        const p = node && parts.get(node);
        if (p) fill(p, row, row.conversation.id === selectedId, selfId, now);
      }
      empty.hidden = rows.length > 0;
    },
    setEmptyText(text) {
      setText(empty, text);
    },
  };
}

function fill(
  p: RowParts,
  row: ConversationRow,
  selected: boolean,
  selfId: string | null,
  now: number,
): void {
  const { conversation } = row;
  setAttr(p.item, 'data-status', conversation.status);
  setAttr(p.item, 'data-priority', conversation.priority);
  setAttr(p.item, 'data-assignee-id', conversation.assigneeId);
  p.item.classList.toggle('is-mine', selfId !== null && conversation.assigneeId === selfId);
  setAttr(p.item, 'data-contact-id', conversation.contactId);
  setAttr(p.item, 'data-unread', String(row.unread));
  p.item.classList.toggle('is-unread', row.unread);
  p.item.classList.toggle('is-selected', selected);
  setAttr(p.button, 'aria-current', selected ? 'true' : null);
  const handoff = conversation.status === 'queued' ? conversation.handoff : null;
  setAttr(p.item, 'data-handoff-reason', handoff?.reason ?? null);
  setAttr(
    p.button,
    'aria-label',
    [
      contactLabel(conversation),
      statusLabel(conversation.status),
      ...(handoff ? [handoffReasonBadge(handoff.reason).toLowerCase()] : []),
      ...(row.unread ? ['unread messages'] : []),
    ].join(', '),
  );

  setText(p.contact, contactLabel(conversation));
  setAttr(p.contact, 'title', `Contact ${conversation.contactId} · ${conversation.channel}`);
  setText(p.time, formatRelativeTime(row.lastActivityAt, now));
  setAttr(p.time, 'datetime', row.lastActivityAt);
  setAttr(p.time, 'title', formatFullTime(row.lastActivityAt));
  setText(p.status, statusLabel(conversation.status));
  setAttr(p.status, 'data-status', conversation.status);
  p.handoff.hidden = handoff === null;
  setText(p.handoff, handoff ? handoffReasonBadge(handoff.reason) : '');
  setAttr(p.handoff, 'data-reason', handoff?.reason ?? null);
  setAttr(p.handoff, 'title', handoff ? handoffReasonText(handoff.reason) : null);
  setText(p.preview, row.lastMessage ? previewText(row.lastMessage, selfId) : channelLine(row));
}

function channelLine(row: ConversationRow): string {
  const { conversation } = row;
  const count = row.latestSeq === 1 ? '1 message' : `${row.latestSeq} messages`;
  return `${conversation.channel} · ${row.latestSeq === 0 ? 'no messages' : count}`;
}
