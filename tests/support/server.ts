import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, loadConfig, silentLogger, type SwitchboardApp } from '@switchboard/server';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface TestServer {
  url: string;
  switchboard: SwitchboardApp;
  close(): Promise<void>;
}

/** The real server on a free port, a fresh SQLite file, serving the built widget and examples. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const widget = repo('packages/widget/dist/cdn');
  const console = repo('examples/agent-console/dist');
  for (const built of [widget, console]) {
    if (!existsSync(built))
      throw new Error(`${built} is missing: run \`pnpm build\` before the end-to-end tests`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const config = loadConfig({
    PORT: '0',
    SWITCHBOARD_DATABASE_PATH: join(dir, 'e2e.sqlite'),
    SWITCHBOARD_SESSION_RATE_PER_MIN: '100000',
    SWITCHBOARD_MESSAGE_RATE_PER_SEC: '10000',
    ...env,
  });
  const switchboard = await createApp({
    config,
    logger: silentLogger,
    staticRoots: { website: repo('examples/website'), console: repo('examples/agent-console'), widget },
  });
  const { port } = await switchboard.listen();
  return {
    // "localhost" rather than 127.0.0.1 so the page's origin looks like a real site's.
    url: `http://localhost:${port}`,
    switchboard,
    async close() {
      await switchboard.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
