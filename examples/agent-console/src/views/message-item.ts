import type { PendingMessage } from '@switchboard/agent-sdk';
import type { Attachment, Card, Message } from '@switchboard/protocol';
import { channelDeliveryText } from '../lib/channel-delivery.js';
import { describeError } from '../lib/describe-error.js';
import { h, setAttr, setText } from '../lib/dom.js';
import { parseFormatting, type TextSegment } from '../lib/formatting.js';
import { authorLabel } from '../lib/labels.js';
import { formatClockTime, formatFullTime } from '../lib/relative-time.js';
import { attachmentList, type MessageMedia } from './attachment-list.js';

const SEGMENT_TAGS = { bold: 'strong', italic: 'em', strike: 's', mono: 'code' } as const;

/** Message text as DOM nodes: formatting becomes elements, everything else stays text. */
export function messageText(text: string): HTMLElement {
  const body = h('p', { className: 'message-text' });
  body.append(...parseFormatting(text).map(segmentNode));
  return body;
}

function segmentNode(segment: TextSegment): Node {
  if (segment.style === 'plain') return document.createTextNode(segment.text);
  return h(SEGMENT_TAGS[segment.style], { text: segment.text });
}

/** The text, unless the message is only files, then the files. */
/** The text and files; blank text beside files or cards (a shared product) is left out. */
function content(
  text: string,
  attachments: readonly Attachment[],
  media: MessageMedia,
  withCards: boolean,
): Node[] {
  const files = attachmentList(attachments, media);
  const nodes: Node[] = text.trim() === '' && (files !== null || withCards) ? [] : [messageText(text)];
  if (files !== null) nodes.push(files);
  return nodes;
}

/**
 * A stored message. Its content never changes, so the element is built once; only a channel
 * message's delivery state moves on (see `updateMessageItem`).
 */
export function messageItem(message: Message, selfId: string | null, media: MessageMedia): HTMLLIElement {
  const mine = message.authorKind === 'agent' && message.authorId !== null && message.authorId === selfId;
  const item = h('li', {
    className: `message from-${message.authorKind} kind-${message.kind}${mine ? ' is-mine' : ''}`,
    testId: 'message',
    attrs: {
      'data-seq': String(message.seq),
      'data-author-kind': message.authorKind,
      'data-kind': message.kind,
      'data-message-id': message.id,
    },
  });
  const note = message.kind === 'note';
  // A system note (e.g. "Bot error: …") is for agents only, like any note: never shown as a
  // plain event line, which reads as something the visitor saw too.
  if (!note && (message.kind === 'event' || message.authorKind === 'system')) {
    item.append(messageText(message.text));
    return item;
  }
  if (note) item.dataset['internal'] = 'true';
  const author = note ? `${authorLabel(message, selfId)} · internal note` : authorLabel(message, selfId);
  const bubble = h(
    'div',
    { className: 'bubble' },
    h('span', { className: 'message-author', text: author }),
    ...content(message.text, message.attachments, media, message.cards.length > 0),
  );
  if (message.quickReplies.length > 0)
    bubble.append(
      offered(
        'quick-replies',
        'Quick replies offered to the visitor',
        message.quickReplies.map((reply) => reply.label),
      ),
    );
  if (message.cards.length > 0) bubble.append(offeredCards(message.cards));
  if (message.form !== null)
    bubble.append(
      offered(
        'message-form',
        'Form shown to the visitor',
        message.form.fields.map((field) => field.label),
      ),
    );
  bubble.append(
    h('time', {
      className: 'message-time',
      text: formatClockTime(message.createdAt),
      attrs: { datetime: message.createdAt, title: formatFullTime(message.createdAt) },
    }),
  );
  if (message.delivery)
    bubble.append(h('span', { className: 'channel-delivery', testId: 'channel-delivery' }));
  item.append(bubble);
  updateMessageItem(item, message);
  return item;
}

/** Brings a stored message's element up to date: a channel reply's delivery state. */
export function updateMessageItem(item: HTMLLIElement, message: Message): void {
  const marker = item.querySelector<HTMLElement>('[data-testid="channel-delivery"]');
  if (!marker || !message.delivery) return;
  setText(marker, channelDeliveryText(message.delivery));
  setAttr(marker, 'data-state', message.delivery.state);
  // A failure is the one state an agent must not miss.
  setAttr(marker, 'role', message.delivery.state === 'failed' ? 'alert' : null);
}

/**
 * What the visitor was offered under a bot message (quick replies, a form's fields), as chips
 * the agent can read but not press: choosing is the visitor's.
 */
/** Compact: the agent needs to know what was shown, not to see it again. */
function offeredCards(cards: readonly Card[]): HTMLElement {
  return offered(
    'message-cards',
    'Cards shown to the visitor',
    cards.map((card) => (card.price ? `${card.title} · ${card.price}` : card.title)),
  );
}

function offered(testId: string, label: string, items: readonly string[]): HTMLElement {
  const list = h('ul', { className: 'offered-chips', testId, attrs: { 'aria-label': label } });
  for (const item of items) list.append(h('li', { className: 'chip', text: item }));
  return list;
}

export interface PendingActions {
  retry(clientMessageId: string): void;
  discard(clientMessageId: string): void;
}

/**
 * A message written here and not yet acknowledged: dimmed while the SDK delivers it; when it
 * failed for good, marked, with Retry (same `clientMessageId`, so never a duplicate) and Discard.
 */
export function pendingItem(
  pending: PendingMessage,
  actions: PendingActions,
  media: MessageMedia,
): HTMLLIElement {
  const id = pending.clientMessageId;
  const status = h('span', { className: 'message-status' });
  const retry = h('button', {
    className: 'link-button',
    testId: 'retry-message',
    text: 'Retry',
    attrs: { type: 'button' },
  });
  const discard = h('button', {
    className: 'link-button',
    testId: 'discard-message',
    text: 'Discard',
    attrs: { type: 'button' },
  });
  retry.addEventListener('click', () => actions.retry(id));
  discard.addEventListener('click', () => actions.discard(id));
  const item = h(
    'li',
    {
      className: `message from-agent is-mine is-pending kind-${pending.kind}`,
      testId: 'pending-message',
      attrs: { 'data-client-message-id': id, 'data-author-kind': 'agent', 'data-kind': pending.kind },
    },
    h(
      'div',
      { className: 'bubble' },
      h('span', {
        className: 'message-author',
        text: pending.kind === 'note' ? 'You · internal note' : 'You',
      }),
      ...content(pending.text, pending.attachments, media, (pending.cards?.length ?? 0) > 0),
      ...(pending.cards?.length ? [offeredCards(pending.cards)] : []),
      h(
        'span',
        { className: 'message-footer' },
        status,
        h('span', { className: 'message-actions' }, retry, discard),
      ),
    ),
  );
  updatePendingItem(item, pending);
  return item;
}

export function updatePendingItem(item: HTMLLIElement, pending: PendingMessage): void {
  const failed = pending.error !== null;
  item.classList.toggle('is-failed', failed);
  setAttr(item, 'data-failed', String(failed));
  const status = item.querySelector('.message-status');
  if (status) setText(status, failed ? `Not sent: ${describeError(pending.error)}` : 'Sending…');
  const actions = item.querySelector<HTMLElement>('.message-actions');
  if (actions) actions.hidden = !failed;
}
