import type { AgentClient, AgentState } from '@switchboard/agent-sdk';
import type { Mention } from '@switchboard/protocol';
import { h, reconcile, setAttr, setText } from '../lib/dom.js';
import { formatFullTime, formatRelativeTime } from '../lib/relative-time.js';
import { Disposer, watch } from '../lib/watch.js';

export interface MentionNotices {
  /** The "@ n" button for the top bar, with its list. */
  element: HTMLElement;
  /** The toast that pops up when a colleague mentions you. */
  toast: HTMLElement;
  dispose(): void;
}

/** A toast stays this long unless the agent acts on it. */
const TOAST_MS = 12_000;

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/**
 * Your @mentions: a count of unread ones in the top bar that opens the list (newest first), and a
 * toast for each new one. Opening one opens its conversation, which marks its mentions read.
 */
export function mentionNotices(
  client: AgentClient,
  onOpen: (conversationId: string) => void,
): MentionNotices {
  const count = h('span', { className: 'count-badge', testId: 'mention-count' });
  const toggle = h(
    'button',
    {
      className: 'button subtle mentions-toggle',
      testId: 'mentions-toggle',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-label': 'Mentions' },
    },
    document.createTextNode('@ '),
    count,
  );
  const list = h('ol', {
    className: 'mention-list',
    testId: 'mention-list',
    attrs: { 'aria-label': 'Your mentions' },
  });
  const empty = h('p', { className: 'details-empty', text: 'Nobody has mentioned you yet.' });
  const panel = h('div', { className: 'mentions-panel', testId: 'mentions-panel' }, list, empty);
  panel.hidden = true;
  const element = h('div', { className: 'mentions' }, toggle, panel);
  const toastText = h('p', { className: 'mention-toast-text', testId: 'mention-toast-text' });
  const toastOpen = h('button', {
    className: 'button primary',
    testId: 'mention-toast-open',
    text: 'Open',
    attrs: { type: 'button' },
  });
  const toastClose = h('button', { className: 'link-button', text: 'Dismiss', attrs: { type: 'button' } });
  const toast = h(
    'div',
    { className: 'mention-toast', testId: 'mention-toast', attrs: { role: 'status', 'aria-live': 'polite' } },
    toastText,
    h('div', { className: 'form-actions' }, toastOpen, toastClose),
  );
  toast.hidden = true;
  const nodes = new Map<string, HTMLLIElement>();
  const watchers = new Disposer();
  let toastFor: Mention | null = null;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  const authorName = (mention: Mention) =>
    client.getSnapshot().agents[mention.authorId]?.name ?? 'A colleague';

  function open(mention: Mention): void {
    panel.hidden = true;
    setAttr(toggle, 'aria-expanded', 'false');
    hideToast();
    onOpen(mention.conversationId);
  }

  function item(mention: Mention): HTMLLIElement {
    const button = h(
      'button',
      { className: 'row-button', attrs: { type: 'button' } },
      h('span', { className: 'mention-author' }),
      h('span', { className: 'row-preview', text: excerpt(mention.text) }),
    );
    button.addEventListener('click', () => open(mention));
    return h(
      'li',
      { className: 'mention-item', testId: 'mention-item', attrs: { 'data-mention-id': mention.id } },
      button,
    );
  }

  function render(mentions: AgentState['mentions']): void {
    reconcile(list, nodes, mentions, (mention) => mention.id, item);
    for (const mention of mentions) {
      const node = nodes.get(mention.id)!;
      node.classList.toggle('is-unread', mention.readAt === null);
      const author = node.querySelector('.mention-author');
      if (author)
        setText(author, `${authorName(mention)} · ${formatRelativeTime(mention.createdAt, Date.now())}`);
      setAttr(node, 'title', formatFullTime(mention.createdAt));
    }
    empty.hidden = mentions.length > 0;
  }

  function hideToast(): void {
    clearTimeout(toastTimer);
    toast.hidden = true;
    toastFor = null;
  }

  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    setAttr(toggle, 'aria-expanded', String(!panel.hidden));
  });
  toastOpen.addEventListener('click', () => {
    if (toastFor) open(toastFor);
  });
  toastClose.addEventListener('click', hideToast);

  watchers.add(watch(client, (state) => state.mentions, render));
  watchers.add(
    watch(
      client,
      (state) => state.unreadMentions,
      (unread) => {
        setText(count, String(unread));
        count.hidden = unread === 0;
        toggle.classList.toggle('has-unread', unread > 0);
        setAttr(toggle, 'aria-label', unread === 0 ? 'Mentions' : `Mentions, ${unread} unread`);
      },
    ),
  );
  watchers.add(
    client.on('mention', (mention) => {
      toastFor = mention;
      setText(toastText, `${authorName(mention)} mentioned you: “${excerpt(mention.text)}”`);
      toast.hidden = false;
      clearTimeout(toastTimer);
      toastTimer = setTimeout(hideToast, TOAST_MS);
    }),
  );
  // A mention read elsewhere (another console, or by opening its conversation) needs no toast.
  watchers.add(
    client.on('mentions:read', ({ mentionIds }) => {
      if (toastFor && mentionIds.includes(toastFor.id)) hideToast();
    }),
  );
  watchers.add(() => clearTimeout(toastTimer));

  return { element, toast, dispose: () => watchers.dispose() };
}
