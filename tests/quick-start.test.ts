// What the README's first command ends in (`node packages/server/dist/main.js` after the build),
// run as a real process, and the README/CI contract around the second command.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { waitFor } from './support/wait.js';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

describe('the README', () => {
  const readme = readFileSync(repo('README.md'), 'utf8');
  const quickStart = readme.split(/^## /m).find((section) => section.startsWith('Quick start')) ?? '';
  const blocks = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());

  it('has exactly two sh blocks under Quick start, and CI runs the second one verbatim', () => {
    expect(blocks).toHaveLength(2);
    const ci = readFileSync(repo('.ci/run'), 'utf8');
    expect(ci.split('\n')).toContain(blocks[1]);
    expect(blocks[0]).toMatch(/pnpm@10 start$/);
    expect(blocks[1]).toMatch(/pnpm@10 test$/);
  });
});

describe('the started server', () => {
  let child: ChildProcess;
  let dir: string;
  let output = '';
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
    child = spawn(process.execPath, [repo('packages/server/dist/main.js')], {
      env: { ...process.env, PORT: '0', SWITCHBOARD_DATABASE_PATH: join(dir, 'data', 'switchboard.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    base = await waitFor(
      () => /Demo website\s+(http:\/\/localhost:\d+)\//.exec(output)?.[1],
      'the start-up banner',
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the console URL and the demo login', () => {
    expect(output).toContain(`Agent console  ${base}/console`);
    expect(output).toContain('Demo agent login: agent@switchboard.dev / switchboard');
  });

  it('answers /healthz and serves the consoles and the widget loader', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const consolePage = await fetch(`${base}/console`);
    expect(consolePage.headers.get('content-type')).toContain('text/html');
    expect(await consolePage.text()).toContain('/console/dist/main.js');
    // The guide's console (docs/guides/agent-console-in-100-lines.md): its page and its bundle.
    expect(await (await fetch(`${base}/tiny-console`)).text()).toContain('/tiny-console/dist/main.js');
    const tiny = await fetch(`${base}/tiny-console/dist/main.js`);
    expect(tiny.status).toBe(200);
    expect(tiny.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/tiny-console/src/main.ts`)).status).toBe(404);
    const loader = await fetch(`${base}/widget/loader.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toContain('javascript');
  });

  it('shows the chat launcher on the demo website', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.locator('switchboard-chat [part~="launcher"]').waitFor({ state: 'visible' });
    await page.close();
  });

  it("sends Chromium the widget's scripts gzip-compressed, from the build's precompressed copies", async () => {
    const page = await browser.newPage();
    const scripts = new Map<string, string | undefined>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/widget/')) scripts.set(path, response.headers()['content-encoding']);
    });
    await page.goto(`${base}/`);
    await page.locator('switchboard-chat [part~="launcher"]').click();
    await page.locator('switchboard-chat [part~="composer-input"]').waitFor({ state: 'visible' });
    const paths = [...scripts.keys()];
    expect(paths).toContain('/widget/loader.js');
    expect(paths.some((path) => /^\/widget\/chunks\/define-[\w-]+\.js$/.test(path))).toBe(true);
    expect([...scripts].filter(([, encoding]) => encoding !== 'gzip')).toEqual([]);
    await page.close();
  });

  it('stops cleanly on SIGTERM', async () => {
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
