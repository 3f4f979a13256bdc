import type { AgentClient, AgentState, ConversationListView } from '@switchboard/agent-sdk';
import { conversationRows, unreadCount } from '../lib/conversation-rows.js';
import { describeError, errorCode } from '../lib/describe-error.js';
import { conversationAlert, messageAlert, type AlertContext } from '../lib/alerts.js';
import { h, setText } from '../lib/dom.js';
import { filterFields, isFiltered, NO_FILTER, passesFilter, type ListFilter } from '../lib/list-filter.js';
import type { ReadMarks } from '../lib/read-marks.js';
import { inTab, TAB_EMPTY_TEXT, tabCounts, type ListTab } from '../lib/tabs.js';
import { TransferNotices } from '../lib/transfer-notices.js';
import { Disposer, watch } from '../lib/watch.js';
import { connectionIndicator } from './connection-indicator.js';
import { conversationListView } from './conversation-list.js';
import { alertToggle } from './alert-toggle.js';
import { listFilters } from './list-filters.js';
import { detailsPane } from './details-pane.js';
import { listTabs } from './list-tabs.js';
import { mentionNotices } from './mention-notices.js';
import { newConversation } from './new-conversation.js';
import { presenceControls } from './presence-controls.js';
import { threadView } from './thread-view.js';

export interface ConsoleViewOptions {
  client: AgentClient;
  /**
   * The read marks of the signed-in agent, asked for once the client knows who that is (a
   * client made from a stored token learns it while connecting).
   */
  readMarksFor(agentId: string): ReadMarks;
  /** The conversation to open first, e.g. from the URL. */
  initialConversationId: string | null;
  onSelect(conversationId: string | null): void;
  onLogout(): void;
  /** The server no longer accepts the session (it expired or was revoked). */
  onSessionLost(): void;
}

export interface ConsoleView {
  element: HTMLElement;
  dispose(): void;
}

/** Relative times in the list ("5m") go stale on their own; re-render them this often. */
const CLOCK_TICK_MS = 30_000;
const BASE_TITLE = 'Switchboard console';

/** The signed-in layout: top bar, conversation list and the open thread. */
export function consoleView(options: ConsoleViewOptions): ConsoleView {
  const { client } = options;
  const disposer = new Disposer();
  /** The signed-in agent's, so `null` until the client knows who that is. */
  let readMarks: ReadMarks | null = null;
  let selectedId: string | null = null;
  /** Opened as soon as the list holds it: after a reload the list arrives after the view. */
  let wantedId = options.initialConversationId;
  let tab: ListTab = 'all';
  let filter: ListFilter = NO_FILTER;
  /** While a text search runs: the SDK's live view of the server's results. */
  let search: ConversationListView | null = null;
  let stopSearch = (): void => {};
  const selfIdOf = (state: AgentState) => state.agent?.id ?? null;
  const notices = new TransferNotices();

  const connection = connectionIndicator();
  const agentName = h('span', { className: 'agent-name', testId: 'agent-name' });
  const logout = h('button', {
    className: 'button subtle',
    testId: 'logout',
    text: 'Log out',
    attrs: { type: 'button' },
  });
  logout.addEventListener('click', () => options.onLogout());
  const banner = h('p', { className: 'error-banner', testId: 'error-banner', attrs: { role: 'alert' } });
  banner.hidden = true;
  // A refused status or capacity change; the next successful render of the agent clears it.
  const presenceError = h('p', {
    className: 'error-banner',
    testId: 'presence-error',
    attrs: { role: 'alert' },
  });
  presenceError.hidden = true;
  const presence = presenceControls(client, (error) => {
    setText(presenceError, describeError(error));
    presenceError.hidden = false;
  });
  const unreadBadge = h('span', { className: 'count-badge', testId: 'unread-count' });
  const alerts = alertToggle();

  const list = conversationListView((id) => select(id));
  const tabs = listTabs(showTab);
  const filters = listFilters(applyFilter);
  list.setEmptyText(TAB_EMPTY_TEXT[tab]);
  const thread = threadView(client, () => selfIdOf(client.getSnapshot()), notices, {
    // Follow the conversation from the Bot tab to Mine, where it now is.
    onIntervened: (id) => {
      if (id === selectedId && tab === 'bot') showTab('mine');
    },
  });

  const details = detailsPane(
    client,
    () => selfIdOf(client.getSnapshot()),
    (id) => select(id),
  );
  const mentions = mentionNotices(client, (id) => select(id));
  const outbound = newConversation(client, (id) => select(id));

  const element = h(
    'div',
    { className: 'console' },
    h(
      'header',
      { className: 'topbar' },
      h('span', { className: 'brand', text: 'Switchboard' }),
      connection.element,
      h('span', { className: 'topbar-spacer' }),
      alerts.element,
      mentions.element,
      presence.element,
      agentName,
      logout,
    ),
    banner,
    presenceError,
    h(
      'div',
      { className: 'panes' },
      h(
        'aside',
        { className: 'list-pane' },
        h('h2', { className: 'pane-title', text: 'Conversations' }, unreadBadge),
        outbound.button,
        outbound.form,
        filters.element,
        tabs.element,
        list.element,
      ),
      thread.element,
      details.element,
    ),
    mentions.toast,
  );

  function showTab(next: ListTab): void {
    if (next === tab) return;
    tab = next;
    showEmptyText();
    renderList();
  }

  function showEmptyText(): void {
    list.setEmptyText(isFiltered(filter) ? 'Nothing matches this search.' : TAB_EMPTY_TEXT[tab]);
  }

  /** A new search asks the server (an SDK view); filters alone are answered from the state. */
  function applyFilter(next: ListFilter): void {
    const searchChanged = next.q !== filter.q;
    filter = next;
    if (searchChanged) {
      stopSearch();
      search = null;
      stopSearch = () => {};
      if (filter.q !== '') {
        const view = client.view({ q: filter.q, ...filterFields(filter), limit: 100 });
        search = view;
        // The results arrive into the state too; render again when the view's list changes.
        const stop = view.select(
          (state) => state.items,
          () => renderList(),
        );
        stopSearch = () => {
          stop();
          view.close();
        };
        view.ready().catch(() => undefined);
      }
    }
    showEmptyText();
    renderList();
  }

  // Marking the open conversation read notifies readMarks, which would render the list again.
  let rendering = false;

  function renderList(state: AgentState = client.getSnapshot()): void {
    rendering = true;
    try {
      renderRows(state);
    } finally {
      rendering = false;
    }
  }

  function renderRows(state: AgentState): void {
    const selfId = selfIdOf(state);
    const rows = conversationRows(state, { readMarks: readMarks?.snapshot ?? {}, selectedId, selfId });
    // Whatever arrives in the open conversation has been seen.
    const open = rows.find((row) => row.conversation.id === selectedId);
    if (open) readMarks?.markRead(open.conversation.id, open.latestSeq);
    const found = search && new Set(search.getSnapshot().items.map((item) => item.id));
    const shown = rows.filter((row) => passesFilter(row.conversation, filter, found, selfId));
    list.update(
      shown.filter((row) => inTab(row.conversation, tab, selfId)),
      selectedId,
      selfId,
      Date.now(),
    );
    // The counts follow the search and filters, so each tab says what it would show.
    tabs.update(
      tab,
      tabCounts(
        shown.map((row) => row.conversation),
        selfId,
      ),
    );
    // Unread counts every conversation, whichever tab is showing.
    const unread = unreadCount(rows);
    setText(unreadBadge, unread > 0 ? String(unread) : '');
    unreadBadge.hidden = unread === 0;
    document.title = unread > 0 ? `(${unread}) ${BASE_TITLE}` : BASE_TITLE;
  }

  function select(id: string | null): void {
    wantedId = null;
    if (id === selectedId) return;
    selectedId = id;
    thread.show(id);
    details.show(id);
    renderList();
    options.onSelect(id);
    if (id !== null) readMentions(id);
  }

  /** Opening a conversation shows its notes: the agent's mentions in it are read. */
  function readMentions(conversationId: string): void {
    const unread = client
      .getSnapshot()
      .mentions.some((mention) => mention.conversationId === conversationId && mention.readAt === null);
    if (unread) client.markMentionsRead({ conversationId }).catch(() => undefined);
  }

  // The console's shortcuts, from anywhere in it, on the open conversation: Ctrl+N a note, Ctrl+T
  // transfer, Ctrl+R resolve, Escape closes a form, then the conversation. (Ctrl+/ is the
  // composer's.) Browsers keep Ctrl+N and Ctrl+T for themselves in a normal tab; in an installed
  // app window they reach the page.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || selectedId === null) return;
    const plain = !event.ctrlKey && !event.altKey && !event.shiftKey && !event.metaKey;
    if (event.key === 'Escape' && plain) {
      event.preventDefault();
      if (!thread.closeForm()) select(null);
      return;
    }
    if (!event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'n') details.focusNote();
    else if (key === 't') thread.openForm('transfer');
    else if (key === 'r') thread.openForm('resolve');
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKeyDown);

  function followReadMarks(marks: ReadMarks): void {
    readMarks = marks;
    disposer.add(
      marks.subscribe(() => {
        if (!rendering) renderList();
      }),
    );
  }

  /** Opens the conversation asked for at start once it is known; true when it did (and rendered). */
  function openWanted(state: AgentState): boolean {
    if (wantedId === null || state.conversations[wantedId] === undefined) return false;
    select(wantedId);
    return true;
  }

  disposer.add(
    watch(
      client,
      (state) => state.connection,
      (state) => {
        connection.update(state);
        // Canned replies are fetched once; the SDK keeps them live and re-reads them after a reconnect.
        if (state === 'connected' && !client.getSnapshot().cannedLoaded)
          client.canned.list().catch(() => undefined);
        // Channel accounts (for "New conversation") are read once connected, and again after a
        // reconnect in case an admin connected one meanwhile.
        if (state === 'connected') void outbound.load();
      },
    ),
  );
  disposer.add(
    watch(
      client,
      (state) => state.agent,
      (agent) => {
        setText(agentName, agent?.name ?? '');
        presence.update(agent);
        if (agent !== null) presenceError.hidden = true;
        // Registered before the listener that renders, so that render already uses the marks.
        if (agent !== null && readMarks === null) followReadMarks(options.readMarksFor(agent.id));
      },
    ),
  );
  disposer.add(
    watch(
      client,
      (state) => state.error,
      (error) => {
        if (error !== null && errorCode(error) === 'unauthorized') options.onSessionLost();
        banner.hidden = error === null;
        setText(banner, error === null ? '' : describeError(error));
      },
    ),
  );
  disposer.add(
    client.subscribe((state) => {
      if (!openWanted(state)) renderList(state);
    }),
  );
  // Sound and notifications (when the agent turned them on) for what needs them.
  const alertContext = (): AlertContext => ({
    selfId: selfIdOf(client.getSnapshot()),
    selectedId,
    visible: document.visibilityState === 'visible',
  });
  const openFromAlert = (id: string) => select(id);
  disposer.add(
    client.on('conversation:created', (conversation) => {
      const alert = conversationAlert(conversation, alertContext());
      if (alert) alerts.raise(alert, openFromAlert);
    }),
  );
  disposer.add(
    client.on('message:created', (message) => {
      const conversation = client.getSnapshot().conversations[message.conversationId];
      const alert = messageAlert(message, conversation, alertContext());
      if (alert) alerts.raise(alert, openFromAlert);
    }),
  );
  disposer.add(
    client.on('conversation:transferred', (event) => {
      notices.record(event, selfIdOf(client.getSnapshot()));
    }),
  );
  const tick = setInterval(() => renderList(), CLOCK_TICK_MS);
  disposer.add(() => clearInterval(tick));
  disposer.add(() => thread.dispose());
  disposer.add(() => details.dispose());
  disposer.add(() => mentions.dispose());
  disposer.add(() => document.removeEventListener('keydown', onKeyDown));
  // A mention in the conversation on screen is seen at once.
  disposer.add(
    client.on('mention', (mention) => {
      if (mention.conversationId === selectedId && document.visibilityState === 'visible')
        readMentions(mention.conversationId);
    }),
  );
  disposer.add(() => {
    filters.dispose();
    stopSearch();
  });
  disposer.add(() => {
    document.title = BASE_TITLE;
  });

  if (!openWanted(client.getSnapshot())) renderList();

  return {
    element,
    dispose: () => disposer.dispose(),
  };
}
