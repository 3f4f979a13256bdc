// Composition root: decides between the login form and the console, and owns the one
// AgentClient of the signed-in session. Everything shown is rendered from that client's store.
import { createAgentClient, type AgentClient } from '@switchboard/agent-sdk';
import { describeError, errorCode } from './lib/describe-error.js';
import { ReadMarks } from './lib/read-marks.js';
import { sessionStore } from './session.js';
import { consoleView, type ConsoleView } from './views/console-view.js';
import { loginView, type Credentials } from './views/login-view.js';

/** The seeded demo agent, so a fresh checkout is one click from a working console. */
const DEMO_AGENT: Credentials = { email: 'agent@switchboard.dev', password: 'switchboard' };
const SESSION_ENDED = 'Your session has ended. Sign in again.';
const CONVERSATION_HASH = /^#\/conversations\/([^/]+)$/;

const serverUrl = location.origin;
const root = document.getElementById('app') ?? document.body;
const sessions = sessionStore();

let current: { client: AgentClient; view: ConsoleView } | null = null;
/** Clients whose session is over: a renewal still in flight must not store a token after it. */
const endedClients = new WeakSet<AgentClient>();

function showLogin(notice: string | null = null): void {
  root.replaceChildren(loginView({ defaults: DEMO_AGENT, notice, onSubmit: logIn }));
  root.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
}

/** Credentials: connect first, so a wrong password is explained in the form. */
async function logIn({ email, password }: Credentials): Promise<void> {
  const client = createAgentClient({
    serverUrl,
    auth: { email, password },
    // Every login, the SDK's own renewals included, so a reload resumes with the newest token.
    onSession: (session) => {
      if (!endedClients.has(client)) sessions.write({ token: session.token });
    },
  });
  try {
    await client.connect();
  } catch (error) {
    endedClients.add(client);
    client.disconnect();
    sessions.clear();
    throw error;
  }
  showConsole(client);
}

/**
 * A stored token: show the console at once and let the connection indicator tell the story.
 * The SDK asks the server whose token it is, so the name and read marks follow shortly.
 */
function resume(token: string): void {
  const client = createAgentClient({ serverUrl, auth: { token } });
  showConsole(client);
  client.connect().catch((error: unknown) => {
    endSession(errorCode(error) === 'unauthorized' ? SESSION_ENDED : describeError(error));
  });
}

function showConsole(client: AgentClient): void {
  const view = consoleView({
    client,
    readMarksFor: (agentId) => new ReadMarks(safeLocalStorage(), `switchboard-console:read:${agentId}`),
    initialConversationId: conversationFromHash(),
    onSelect: (id) =>
      history.replaceState(
        null,
        '',
        id === null ? location.pathname : `#/conversations/${encodeURIComponent(id)}`,
      ),
    onLogout: () => endSession(null),
    // Called from inside a store notification; tear down after it has finished.
    onSessionLost: () => queueMicrotask(() => endSession(SESSION_ENDED)),
  });
  current = { client, view };
  root.replaceChildren(view.element);
}

function endSession(notice: string | null): void {
  if (current === null) return;
  endedClients.add(current.client);
  current.view.dispose();
  current.client.disconnect();
  current = null;
  sessions.clear();
  history.replaceState(null, '', location.pathname);
  showLogin(notice);
}

function conversationFromHash(): string | null {
  const match = CONVERSATION_HASH.exec(location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** localStorage can throw (privacy modes, sandboxed frames); read marks then live in memory. */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const stored = sessions.read();
if (stored === null) showLogin();
else resume(stored.token);
