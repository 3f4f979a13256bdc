// An agent console on @switchboard/agent-sdk, walked through in docs/guides/agent-console-in-100-lines.md.
// index.html holds the markup; this file fills it from the SDK's state and acts through the SDK.
import { createAgentClient, type AgentClient } from '@switchboard/agent-sdk';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const field = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement;
const loginForm = byId<HTMLFormElement>('login');
const replyForm = byId<HTMLFormElement>('reply');
const list = byId<HTMLUListElement>('list');
const thread = byId<HTMLElement>('thread');
const messages = byId<HTMLOListElement>('messages');
const accept = byId<HTMLButtonElement>('accept');
const resolve = byId<HTMLButtonElement>('resolve');
const actionError = byId<HTMLOutputElement>('action-error');

/** An element holding `text` as text: what visitors write must never become markup. */
function element(tag: string, text: string, data: Record<string, string> = {}, ...children: Node[]) {
  const node = document.createElement(tag);
  node.append(text, ...children);
  Object.assign(node.dataset, data);
  return node;
}
const showError = (error: unknown) => void (actionError.value = String(error));
const visitorName = (contactId: string) => `Visitor ${contactId.slice(-6)}`;

// 1. Sign in. connect() logs in, opens the socket and loads the conversations; a wrong
// password rejects it, so the form can say so.
loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const client = createAgentClient({
    serverUrl: location.origin,
    auth: { email: field(loginForm, 'email').value, password: field(loginForm, 'password').value },
  });
  // The SDK reconnects and re-syncs by itself; the page only says how that is going.
  client.on('connection:changed', (state) => (byId('connection').textContent = state));
  client.connect().then(
    () => {
      loginForm.hidden = true;
      byId('console').hidden = false;
      showConsole(client);
    },
    (error: unknown) => {
      client.disconnect();
      byId<HTMLOutputElement>('login-error').value = String(error);
    },
  );
});

function showConsole(client: AgentClient): void {
  let openId: string | null = null;

  // 2. The live list: every open conversation, newest activity first. The view reads the first
  // page from the server, then follows every accept, transfer, resolve and new message.
  const conversations = client.view({ view: 'all' });
  conversations.subscribe(({ items }) => {
    list.replaceChildren(
      ...items.map((conversation) => {
        const label = `${visitorName(conversation.contactId)} · ${conversation.status}`;
        const button = element('button', label, { conversationId: conversation.id });
        button.addEventListener('click', () => select(conversation.id));
        return element('li', '', {}, button);
      }),
    );
  });

  // 3. One conversation: its history is loaded once, then new messages arrive in the state.
  function select(id: string): void {
    openId = id;
    thread.hidden = false;
    actionError.value = '';
    client.loadMessages(id).catch(showError);
    renderThread();
  }
  function renderThread(): void {
    const state = client.getSnapshot();
    const conversation = openId === null ? undefined : state.conversations[openId];
    if (conversation === undefined) return;
    byId('title').textContent = visitorName(conversation.contactId);
    thread.dataset.status = conversation.status;
    accept.hidden = conversation.status !== 'queued';
    resolve.hidden = conversation.status !== 'active' && conversation.status !== 'pending';
    const shown = state.messages[conversation.id] ?? [];
    messages.replaceChildren(
      ...shown.map((m) => element('li', m.text, { authorKind: m.authorKind, kind: m.kind })),
    );
    client.markRead(conversation.id);
  }
  client.subscribe(renderThread);

  // 4. Act: reply, accept from the queue, resolve. Each is one SDK call; a refusal is shown.
  replyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = field(replyForm, 'text');
    if (openId === null || input.value.trim() === '') return;
    client.sendMessage(openId, input.value).catch(showError);
    input.value = '';
  });
  accept.addEventListener('click', () => void client.accept(openId ?? '').catch(showError));
  resolve.addEventListener('click', () => void client.resolve(openId ?? '', 'solved').catch(showError));
}
