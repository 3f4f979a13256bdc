import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, loadConfig, silentLogger, type Config, type SwitchboardApp } from '@switchboard/server';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface TestServer {
  url: string;
  /** The running app; a different object after `restart()`. */
  readonly switchboard: SwitchboardApp;
  /** Every HTTP request except socket.io's, as `METHOD /path?query`, in arrival order, across restarts. */
  readonly requests: string[];
  /** Moves the server's clock forward (token expiry, timestamps). It never goes back. */
  advanceTime(ms: number): void;
  /**
   * Holds every new socket.io connection (open ones are left alone) until the returned function is
   * called: a network that is down for whoever tries to (re)connect.
   */
  holdConnections(): () => void;
  /**
   * Stops the server (socket.io connection state included) and starts a fresh one on the same port
   * and database. `whileDown` runs against the new app before it accepts connections.
   */
  restart(whileDown?: (app: SwitchboardApp) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The real server on a free port, a fresh SQLite file, serving the built widget and examples. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const widget = repo('packages/widget/dist/cdn');
  const console = repo('examples/agent-console/dist');
  const tinyConsole = repo('examples/tiny-console/dist');
  for (const built of [widget, console, tinyConsole]) {
    if (!existsSync(built))
      throw new Error(`${built} is missing: run \`pnpm build\` before the end-to-end tests`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  let config = loadConfig({
    PORT: '0',
    SWITCHBOARD_DATABASE_PATH: join(dir, 'e2e.sqlite'),
    SWITCHBOARD_SESSION_RATE_PER_MIN: '100000',
    SWITCHBOARD_MESSAGE_RATE_PER_SEC: '10000',
    SWITCHBOARD_UPLOAD_RATE_PER_MIN: '100000',
    // Most flows are about the queue; the handoff tests turn the demo bot on.
    SWITCHBOARD_DEMO_BOT: 'false',
    ...env,
  });
  let skew = 0;
  const requests: string[] = [];
  /** Connections held by `holdConnections()`, refused on stop so the HTTP server can close. */
  const holds = new Set<(allowed: boolean) => void>();
  const stop = async () => {
    for (const settle of [...holds]) settle(false);
    await switchboard.close();
  };

  const start = async (configured: Config, whileDown?: (app: SwitchboardApp) => Promise<void>) => {
    const app = await createApp({
      config: configured,
      logger: silentLogger,
      now: () => Date.now() + skew,
      staticRoots: {
        website: repo('examples/website'),
        console: repo('examples/agent-console'),
        tinyConsole: repo('examples/tiny-console'),
        widget,
      },
    });
    // socket.io's engine owns the 'request' event and hands other paths on; this only listens.
    app.httpServer.on('request', (req: { method?: string; url?: string }) => {
      if (!req.url?.startsWith('/socket.io/')) requests.push(`${req.method} ${req.url}`);
    });
    await whileDown?.(app);
    const { port } = await app.listen();
    return { app, port };
  };

  const started = await start(config);
  let switchboard = started.app;
  const port = started.port;
  // A restart binds the same port, so clients reconnect to the new process on their own.
  config = { ...config, port };

  return {
    // "localhost" rather than 127.0.0.1 so the page's origin looks like a real site's.
    url: `http://localhost:${port}`,
    get switchboard() {
      return switchboard;
    },
    requests,
    advanceTime(ms) {
      skew += ms;
    },
    holdConnections() {
      const engine = switchboard.io.engine;
      const waiting: ((allowed: boolean) => void)[] = [];
      const hold: typeof engine.opts.allowRequest = (_req, answer) =>
        void waiting.push((allowed) => answer(allowed ? null : 'the test server is stopping', allowed));
      engine.opts.allowRequest = hold;
      const settle = (allowed: boolean) => {
        if (engine.opts.allowRequest === hold) delete engine.opts.allowRequest;
        for (const answer of waiting.splice(0)) answer(allowed);
        holds.delete(settle);
      };
      holds.add(settle);
      return () => settle(true);
    },
    async restart(whileDown) {
      await stop();
      ({ app: switchboard } = await start(config, whileDown));
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
