// The console keeps the agent's token for this tab only, so a reload does not ask for the
// password again. The SDK hands over the session of every login through `onSession`, and a
// client made from the stored token finds out by itself who the agent is.

const SESSION_KEY = 'switchboard-console:session';

export interface StoredSession {
  token: string;
}

export interface SessionStore {
  read: () => StoredSession | null;
  write: (session: StoredSession) => void;
  clear: () => void;
}

export function sessionStore(storage: Storage = sessionStorage): SessionStore {
  return {
    read: () => {
      try {
        return parseSession(JSON.parse(storage.getItem(SESSION_KEY) ?? 'null'));
      } catch {
        return null;
      }
    },
    write: (session) => storage.setItem(SESSION_KEY, JSON.stringify({ token: session.token })),
    clear: () => storage.removeItem(SESSION_KEY),
  };
}

function parseSession(value: unknown): StoredSession | null {
  if (typeof value !== 'object' || value === null) return null;
  const { token } = value as Record<string, unknown>;
  return typeof token === 'string' && token !== '' ? { token } : null;
}
