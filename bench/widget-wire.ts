// What a visitor's browser really downloads for the widget, moment by moment through a whole
// conversation as the demo ships it: the demo page on the real server in headless Chromium, the
// demo bot answering first (with its quick replies), a handoff to the queue, and an agent (an SDK
// client) who takes the conversation, types, answers and resolves it.
// `node --import tsx bench/widget-wire.ts` after `pnpm build` (Chromium at /usr/bin/chromium or
// CHROME_PATH). widget-size.ts works the same out from the files; this counts what was fetched,
// chunks loaded on first use included (the queue's line, an agent typing, the rating, …).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
// The end-to-end tests' own server, browser and agent: the same real parts, started the same way.
import { launchBrowser } from '../tests/support/browser.js';
import { agentClient } from '../tests/support/clients.js';
import { startServer } from '../tests/support/server.js';
import { waitFor as until } from '../tests/support/wait.js';

const cdn = fileURLToPath(new URL('../packages/widget/dist/cdn', import.meta.url));
// The demo as it ships: its rules bot answers first (the tests' server turns it off by default).
const server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
const { url } = server;
const browser = await launchBrowser();
const agent = agentClient(url);

/** Every widget script the page fetched so far, with the bytes that came over the wire. */
interface Fetched {
  file: string;
  /** Bytes of the response body as sent (gzip-encoded when the server sent the .gz copy). */
  wire: number;
}

/** The widget scripts `page` fetches, each once its size is known (await them before counting). */
function watch(page: Page): Promise<Fetched>[] {
  const fetched: Promise<Fetched>[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/widget/') || !path.endsWith('.js')) return;
    const file = path.slice('/widget/'.length);
    fetched.push(request.sizes().then((sizes) => ({ file, wire: sizes.responseBodySize })));
  });
  return fetched;
}

const rows: [moment: string, files: number, wire: number, gzip9: number][] = [];
async function record(moment: string, fetching: readonly Promise<Fetched>[]): Promise<void> {
  const files = new Map((await Promise.all(fetching)).map((entry) => [entry.file, entry.wire]));
  const gzip9 = [...files.keys()].reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(cdn, file)), { level: 9 }).length,
    0,
  );
  rows.push([moment, files.size, [...files.values()].reduce((sum, bytes) => sum + bytes, 0), gzip9]);
}

try {
  await agent.connect();
  // Away, so that the visitor's conversation waits in the queue before the agent takes it.
  await agent.setStatus('away');

  const page = await browser.newPage();
  const fetched = watch(page);
  const part = (name: string) => page.locator(`switchboard-chat [part~="${name}"]`);
  await page.goto(`${url}/`);
  await part('launcher').waitFor();
  await page.waitForLoadState('networkidle');
  await record('the page, idle (the element is fetched then)', fetched);

  await part('launcher').click();
  await part('composer-input').waitFor();
  await page.waitForLoadState('networkidle');
  await record('the chat opened', fetched);

  const write = async (text: string) => {
    await part('composer-input').fill(text);
    await part('composer-input').press('Enter');
  };
  await write('Hello');
  await part('quick-reply').first().waitFor();
  await page.waitForLoadState('networkidle');
  await record('written, the bot answered with quick replies', fetched);

  // The bot asks for an email before it hands over.
  await part('quick-reply').filter({ hasText: 'Talk to a human' }).click();
  await until(
    async () => (await part('message').allInnerTexts()).some((text) => text.includes('email')),
    "the bot's question",
  );
  await write('ada@example.com');
  const conversationId = await until(
    () => Object.values(agent.getSnapshot().conversations).find((c) => c.status === 'queued')?.id,
    'the conversation to be queued',
  );
  await until(async () => /queue/i.test(await part('header-status').innerText()), 'the queue line');
  await page.waitForLoadState('networkidle');
  await record('handed off, waiting in the queue', fetched);

  await agent.accept(conversationId);
  agent.setTyping(conversationId, true);
  await page.locator('switchboard-chat [part~="typing-indicator"]:not([hidden])').waitFor();
  await agent.sendMessage(conversationId, 'Hi, Ada here. It ships tomorrow.');
  await until(
    async () => (await part('message').allInnerTexts()).some((text) => text.includes('Ada here')),
    "the agent's reply",
  );
  await page.waitForLoadState('networkidle');
  await record('an agent joined, typed and answered', fetched);

  await agent.resolve(conversationId, 'solved');
  await part('csat').waitFor();
  await page.waitForLoadState('networkidle');
  await record('resolved, the rating asked for', fetched);

  console.log(`\nWidget scripts a visitor's Chromium fetched from the demo page (${url}):\n`);
  console.log(
    `${'moment'.padEnd(46)}${'files'.padStart(6)}${'on the wire'.padStart(14)}${'gzip -9'.padStart(10)}`,
  );
  for (const [moment, files, wire, gzip9] of rows)
    console.log(
      `${moment.padEnd(46)}${String(files).padStart(6)}${`${wire} B`.padStart(14)}${`${gzip9} B`.padStart(10)}`,
    );
} finally {
  agent.disconnect();
  await browser.close();
  await server.close();
}
