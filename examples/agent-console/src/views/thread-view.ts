import type { AgentClient, AgentState, PendingMessage } from '@switchboard/agent-sdk';
import { ulid, type Conversation, type Message } from '@switchboard/protocol';
import { AttachmentDrafts } from '../lib/attachment-drafts.js';
import { cannedContext } from '../lib/canned-context.js';
import { describeError } from '../lib/describe-error.js';
import { h, reconcile, setAttr, setText } from '../lib/dom.js';
import { contactLabel, priorityLabel, statusLabel } from '../lib/labels.js';
import { REPLY_STATE_LABELS, replyReceipt } from '../lib/reply-receipt.js';
import { transferNoticeText, type TransferNotices } from '../lib/transfer-notices.js';
import { Disposer, watch } from '../lib/watch.js';
import { composer } from './composer.js';
import { csatPanel } from './csat-panel.js';
import { handoffPanel } from './handoff-panel.js';
import { preChatPanel } from './pre-chat-panel.js';
import type { MessageMedia } from './attachment-list.js';
import {
  messageItem,
  pendingItem,
  updateMessageItem,
  updatePendingItem,
  type PendingActions,
} from './message-item.js';
import { threadActions } from './thread-actions.js';

export interface ThreadView {
  element: HTMLElement;
  /** Opens a conversation (null shows the placeholder). */
  show(conversationId: string | null): void;
  /** The header's resolve and transfer forms, for the keyboard shortcuts. */
  openForm(form: 'resolve' | 'transfer'): boolean;
  closeForm(): boolean;
  dispose(): void;
}

type ThreadEntry = { type: 'stored'; message: Message } | { type: 'pending'; pending: PendingMessage };

/** Within this many pixels of the bottom, the thread follows new messages. */
const STICK_PX = 48;

export interface ThreadViewOptions {
  /** The agent took the open conversation from the bot. */
  onIntervened(conversationId: string): void;
}

/**
 * The open conversation: header with its actions, the handoff from the bot (if it came from
 * one), the visitor's rating (once resolved), history, live and pending messages, and the composer. `notices` holds the conversations
 * transferred to this agent, shown above the thread.
 */
export function threadView(
  client: AgentClient,
  selfId: () => string | null,
  notices: TransferNotices,
  options: ThreadViewOptions,
): ThreadView {
  const title = h('h2', { className: 'thread-title' });
  const status = h('span', { className: 'status-badge' });
  const meta = h('span', { className: 'thread-meta', testId: 'thread-meta' });
  const actions = threadActions(client, { onIntervened: (id) => options.onIntervened(id) });
  const handoff = handoffPanel(client);
  const csat = csatPanel();
  const preChat = preChatPanel(client);
  const header = h('header', { className: 'thread-header' }, title, status, meta, actions.bar);
  const transferText = h('span', { className: 'transfer-notice-text' });
  const dismissNotice = h('button', {
    className: 'link-button',
    testId: 'transfer-notice-dismiss',
    text: 'Dismiss',
    attrs: { type: 'button' },
  });
  const transferNotice = h(
    'div',
    { className: 'transfer-notice', testId: 'transfer-notice', attrs: { role: 'status' } },
    transferText,
    dismissNotice,
  );
  transferNotice.hidden = true;
  dismissNotice.addEventListener('click', () => {
    if (current !== null) notices.dismiss(current);
  });
  const earlier = h('button', {
    className: 'button subtle load-earlier',
    testId: 'load-earlier',
    text: 'Load earlier messages',
    attrs: { type: 'button' },
  });
  const notice = h('p', { className: 'thread-notice', testId: 'thread-notice' });
  const list = h('ol', {
    className: 'messages',
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' },
  });
  // Kept in the DOM (hidden) so that screen readers know the live region before it speaks.
  const visitorTyping = h('p', {
    className: 'visitor-typing',
    testId: 'visitor-typing',
    text: 'Visitor is typing…',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  visitorTyping.hidden = true;
  // Moved under the latest agent reply: "Sent", "Delivered" (the visitor's widget has it) or "Read".
  const receipt = h('span', { className: 'reply-receipt', testId: 'reply-receipt' });
  const scroller = h('div', { className: 'thread-scroller' }, earlier, notice, list, visitorTyping);
  // Kept per conversation, so the agent can switch away mid-upload and find them on return.
  const files = new AttachmentDrafts({ upload: client.upload, uploadLimits: () => client.uploadLimits() });
  // Canned replies for the open conversation's site, filled in for its contact and the agent.
  const cannedFor = cannedContext(client);
  const writer = composer({
    onSend: send,
    files,
    onTyping: (typing) => {
      if (current !== null) client.setTyping(current, typing);
    },
    canned: {
      search: (query) => {
        const siteId = current === null ? undefined : client.getSnapshot().conversations[current]?.siteId;
        return siteId === undefined ? [] : client.canned.search(query, { siteId });
      },
      preview: (response) => cannedFor.preview(response.body),
      loaded: () => client.getSnapshot().cannedLoaded,
      ensureLoaded: () => {
        if (!client.getSnapshot().cannedLoaded) client.canned.list().catch(() => undefined);
      },
      render: (response) => cannedFor.render(response.body),
    },
  });
  const cannedWatchers = new Disposer();
  cannedWatchers.add(
    client.select(
      (state) => state.canned,
      () => writer.cannedChanged(),
    ),
  );
  cannedWatchers.add(
    client.select(
      (state) => state.cannedLoaded,
      () => writer.cannedChanged(),
    ),
  );
  const placeholder = h('div', {
    className: 'thread-placeholder',
    text: 'Select a conversation to read and reply.',
  });
  const element = h(
    'section',
    { className: 'thread', testId: 'thread', attrs: { 'aria-label': 'Conversation' } },
    placeholder,
    header,
    actions.panel,
    transferNotice,
    handoff.element,
    preChat.element,
    csat.element,
    scroller,
    writer.element,
  );

  element.classList.add('is-empty');

  /**
   * Resolves once the message is stored, or once it failed where the thread shows it (with
   * Retry / Discard). Rejects only when it never reached the outbox (e.g. too long), so the
   * composer can give the text back.
   */
  function send(text: string, kind: 'text' | 'note', attachmentIds: readonly string[]): Promise<void> {
    if (current === null) return Promise.resolve();
    const clientMessageId = ulid();
    const sending = client.sendMessage(current, text, { kind, clientMessageId, attachmentIds });
    const queued = client
      .getSnapshot()
      .pending.some((pending) => pending.clientMessageId === clientMessageId);
    return sending.then(
      () => undefined,
      (error: unknown) => {
        if (!queued) throw error;
      },
    );
  }

  /** Files under messages: links from the SDK; a preview that loads keeps a following thread at the bottom. */
  const media: MessageMedia = {
    url: (attachment) => client.attachmentUrl(attachment),
    onLoad: () => {
      if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    },
  };
  const pendingActions: PendingActions = {
    // A failed retry shows up on the message again; nothing more to do with the promise.
    retry: (id) => void client.retryMessage(id).catch(() => undefined),
    discard: (id) => void client.discardMessage(id),
  };
  const watchers = new Disposer();
  const nodes = new Map<string, HTMLLIElement>();
  let current: string | null = null;
  let loading = false;
  let loadError: unknown = null;
  let noOlder = false;

  function renderHeader(conversation: Conversation | undefined): void {
    actions.show(conversation);
    handoff.show(conversation);
    preChat.show(conversation);
    csat.show(conversation);
    writer.setNotesOnly(conversation?.status === 'bot');
    if (conversation === undefined) return;
    setText(title, contactLabel(conversation));
    setAttr(title, 'title', `Contact ${conversation.contactId}`);
    setText(status, statusLabel(conversation.status));
    setAttr(status, 'data-status', conversation.status);
    const subject = conversation.subject === undefined ? '' : ` · ${conversation.subject}`;
    setText(meta, `${conversation.channel}${subject} · ${assigneeText(conversation)}`);
    setAttr(meta, 'title', `${priorityLabel(conversation.priority)} priority`);
    setAttr(element, 'data-status', conversation.status);
    setAttr(element, 'data-assignee-id', conversation.assigneeId);
    setAttr(element, 'data-priority', conversation.priority);
  }

  function assigneeText({ assigneeId }: Conversation): string {
    if (assigneeId === null) return 'unassigned';
    if (assigneeId === selfId()) return 'assigned to you';
    return `assigned to ${client.getSnapshot().agents[assigneeId]?.name ?? 'another agent'}`;
  }

  function renderNotice(): void {
    const notice = current === null ? undefined : notices.get(current);
    transferNotice.hidden = notice === undefined;
    setText(transferText, notice ? transferNoticeText(notice, client.getSnapshot().agents) : '');
  }

  function entries(state: AgentState, id: string): ThreadEntry[] {
    const stored = state.messages[id] ?? [];
    const acked = new Set(stored.map((message) => message.clientMessageId));
    return [
      ...stored.map((message): ThreadEntry => ({ type: 'stored', message })),
      ...state.pending
        .filter((pending) => pending.conversationId === id && !acked.has(pending.clientMessageId))
        .map((pending): ThreadEntry => ({ type: 'pending', pending })),
    ];
  }

  function renderMessages(): void {
    if (current === null) return;
    const items = entries(client.getSnapshot(), current);
    const fromBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    const firstBefore = list.firstElementChild;
    const me = selfId();
    let wrote = false;
    reconcile(
      list,
      nodes,
      items,
      (entry) => (entry.type === 'stored' ? `m:${entry.message.id}` : `p:${entry.pending.clientMessageId}`),
      (entry) => {
        if (entry.type === 'stored') return messageItem(entry.message, me, media);
        wrote = true;
        return pendingItem(entry.pending, pendingActions, media);
      },
      (node, entry) => {
        if (entry.type === 'pending') updatePendingItem(node, entry.pending);
        else updateMessageItem(node, entry.message);
      },
    );
    renderReceipt();
    markRead();
    // Following the conversation, or just wrote into it: show the newest message.
    if (fromBottom <= STICK_PX || wrote) scroller.scrollTop = scroller.scrollHeight;
    // Older messages went in above: keep what the agent was reading where it was.
    else if (list.firstElementChild !== firstBefore)
      scroller.scrollTop = scroller.scrollHeight - scroller.clientHeight - fromBottom;
    renderChrome(items);
  }

  function renderReceipt(): void {
    if (current === null) return;
    const state = client.getSnapshot();
    // Channel replies carry the provider's own delivery state on each message instead.
    if (state.conversations[current]?.channel !== 'web') {
      receipt.remove();
      return;
    }
    const reply = replyReceipt(
      state.messages[current] ?? [],
      state.visitorDeliveredSeq[current] ?? 0,
      state.visitorReadSeq[current] ?? 0,
    );
    const node = reply ? nodes.get(`m:${reply.message.id}`) : undefined;
    if (!reply || !node) {
      receipt.remove();
      return;
    }
    setText(receipt, REPLY_STATE_LABELS[reply.state]);
    receipt.dataset['state'] = reply.state;
    if (receipt.parentElement !== node) node.append(receipt);
  }

  /** A read receipt for the visitor, while the agent can see the thread. */
  function markRead(): void {
    if (current !== null && document.visibilityState === 'visible') client.markRead(current);
  }

  function renderChrome(
    items: readonly ThreadEntry[] = current === null ? [] : entries(client.getSnapshot(), current),
  ): void {
    const first = items[0];
    earlier.hidden = loading || noOlder || first?.type !== 'stored' || first.message.seq <= 1;
    earlier.disabled = loading;
    const text =
      loadError !== null
        ? `Could not load messages: ${describeError(loadError)}`
        : items.length > 0
          ? ''
          : loading
            ? 'Loading messages…'
            : 'No messages yet.';
    setText(notice, text);
    notice.hidden = text === '';
    notice.classList.toggle('is-error', loadError !== null);
  }

  function load(id: string, beforeSeq?: number): void {
    loading = true;
    loadError = null;
    renderChrome();
    client
      .loadMessages(id, beforeSeq === undefined ? {} : { beforeSeq })
      .then((page) => {
        if (current === id && beforeSeq !== undefined && page.length === 0) noOlder = true;
      })
      .catch((reason: unknown) => {
        if (current === id) loadError = reason;
      })
      .finally(() => {
        // The agent may have moved on while this was in flight.
        if (current !== id) return;
        loading = false;
        renderChrome();
      });
  }

  // When the composer grows (a second line, an error under it) the scroller shrinks; an agent
  // who was reading the newest message should keep seeing it.
  let atBottom = true;
  scroller.addEventListener('scroll', () => {
    atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= STICK_PX;
  });
  const resizes = new ResizeObserver(() => {
    if (atBottom) scroller.scrollTop = scroller.scrollHeight;
  });
  resizes.observe(scroller);

  const stopNotices = notices.subscribe(renderNotice);
  document.addEventListener('visibilitychange', markRead);

  earlier.addEventListener('click', () => {
    const first = current === null ? undefined : client.getSnapshot().messages[current]?.[0];
    if (current !== null && first !== undefined) load(current, first.seq);
  });

  return {
    element,
    openForm: (form) => actions.openForm(form),
    closeForm: () => actions.closeForm(),
    show(id) {
      if (id === current) return;
      if (current !== null) client.setTyping(current, false);
      watchers.dispose();
      nodes.clear();
      list.replaceChildren();
      current = id;
      loading = false;
      loadError = null;
      noOlder = false;
      setAttr(element, 'data-conversation-id', id);
      setAttr(element, 'data-status', null);
      setAttr(element, 'data-assignee-id', null);
      setAttr(element, 'data-priority', null);
      element.classList.toggle('is-empty', id === null);
      cannedFor.show(id);
      writer.setConversation(id);
      renderNotice();
      if (id === null) {
        actions.show(undefined);
        handoff.show(undefined);
        csat.show(undefined);
        writer.setNotesOnly(false);
        return;
      }

      watchers.add(watch(client, (state) => state.conversations[id], renderHeader));
      watchers.add(watch(client, (state) => state.messages[id], renderMessages));
      watchers.add(client.select((state) => state.pending, renderMessages));
      watchers.add(
        watch(
          client,
          (state) => state.visitorTyping[id] === true,
          (typing) => {
            const follow = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= STICK_PX;
            visitorTyping.hidden = !typing;
            if (follow) scroller.scrollTop = scroller.scrollHeight;
          },
        ),
      );
      watchers.add(client.select((state) => state.visitorReadSeq[id], renderReceipt));
      watchers.add(client.select((state) => state.visitorDeliveredSeq[id], renderReceipt));
      // The conversation's lastSeq also moves with the list's sync, before messages load.
      watchers.add(client.select((state) => state.conversations[id]?.lastSeq, markRead));
      // Names in the header and the transfer notice.
      watchers.add(
        client.select(
          (state) => state.agents,
          () => {
            renderHeader(client.getSnapshot().conversations[id]);
            renderNotice();
          },
        ),
      );
      scroller.scrollTop = scroller.scrollHeight;
      load(id);
      writer.focus();
    },
    dispose() {
      watchers.dispose();
      stopNotices();
      document.removeEventListener('visibilitychange', markRead);
      actions.dispose();
      handoff.dispose();
      preChat.dispose();
      writer.dispose();
      cannedWatchers.dispose();
      cannedFor.dispose();
      files.dispose();
      resizes.disconnect();
    },
  };
}
