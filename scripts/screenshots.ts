// `node --import tsx scripts/screenshots.ts` (after `pnpm build`): regenerates docs/images/*.png
// from the real server, the built widget and the built console.
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.js';
import { agentClient } from '../tests/support/clients.js';
import { startServer } from '../tests/support/server.js';
import { waitFor } from '../tests/support/wait.js';

const out = (name: string) => fileURLToPath(new URL(`../docs/images/${name}`, import.meta.url));
const server = await startServer();
const browser = await launchBrowser();
const agent = agentClient(server.url);
await agent.connect();

const site = await browser.newPage({ viewport: { width: 1100, height: 720 } });
await site.goto(server.url);
await site.locator('switchboard-chat [part~="launcher"]').click();
const input = site.locator('switchboard-chat [part~="composer-input"]');
await input.fill('Hi! Is the Ridge 2P tent waterproof?');
await input.press('Enter');
const conversationId = await waitFor(
  () => Object.entries(agent.getSnapshot().messages).find(([, list]) => list.length > 0)?.[0],
  'the conversation',
);
await agent.sendMessage(conversationId, 'Hi, I’m Ada. Yes: 3000 mm hydrostatic head, taped seams.');
await input.fill('Great, and does it fit two people with packs?');
await input.press('Enter');
await agent.sendMessage(conversationId, 'Two people, with a vestibule on each side for packs.');
await site.locator('switchboard-chat [part~="message-other"]').nth(1).waitFor();
await site.waitForTimeout(300);
await site.screenshot({ path: out('widget.png') });

const console = await browser.newPage({ viewport: { width: 1100, height: 640 } });
await console.goto(`${server.url}/console`);
await console.locator('[data-testid="login-form"]').evaluate((form: HTMLFormElement) => form.requestSubmit());
await console.locator('[data-testid="conversation-item"]').first().click();
await console.locator('[data-testid="message"]').nth(3).waitFor();
await console.waitForTimeout(300);
await console.screenshot({ path: out('console.png') });

agent.disconnect();
await browser.close();
await server.close();
process.stdout.write('wrote docs/images/widget.png and docs/images/console.png\n');
