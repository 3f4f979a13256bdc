// `node --import tsx scripts/screenshots.ts` (after `pnpm build`): regenerates docs/images/*.png
// from the real server, the built widget and the built console.
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.js';
import { agentClient } from '../tests/support/clients.js';
import { setPreChat } from '../tests/support/site-settings.js';
import { startServer } from '../tests/support/server.js';
import { waitFor } from '../tests/support/wait.js';

const out = (name: string) => fileURLToPath(new URL(`../docs/images/${name}`, import.meta.url));
const server = await startServer({ SWITCHBOARD_DEMO_BOT: 'true' });
const browser = await launchBrowser();
const agent = agentClient(server.url);
await agent.connect();

// The pre-chat form: the site asks who the visitor is, their question and their consent first.
await setPreChat(server.url, {
  intro: 'Tell us who you are and we’ll be right with you.',
  fields: [
    { name: 'name', label: 'Your name', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
  ],
  consent: { text: 'I agree that the shop keeps this chat.', url: 'https://example.com/privacy' },
});
const preChat = await browser.newPage({ viewport: { width: 1100, height: 720 } });
await preChat.goto(server.url);
await preChat.locator('switchboard-chat [part~="launcher"]').click();
await preChat.getByRole('textbox', { name: 'Your name', exact: true }).fill('Ada Lovelace');
await preChat.getByRole('textbox', { name: 'Email', exact: true }).fill('ada@example.com');
await preChat.getByRole('textbox', { name: 'How can we help?' }).fill('Where is my order A1234?');
await preChat.getByRole('checkbox').check();
await preChat.waitForTimeout(300);
await preChat.screenshot({ path: out('pre-chat.png') });
await preChat.close();
await setPreChat(server.url, null);

// The closed launcher, as a page first shows it.
const closed = await browser.newPage({ viewport: { width: 1100, height: 720 } });
await closed.goto(server.url);
await closed.locator('switchboard-chat [part~="launcher"]').waitFor();
await closed.waitForTimeout(300);
await closed.screenshot({ path: out('launcher.png') });
await closed.close();

/** A visitor who asked for a person and got the demo agent's answer, in `theme`, at `width`. */
async function withAgent(theme: 'light' | 'dark', width: number, height: number, file: string) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(server.url);
  await page.locator('switchboard-chat').evaluate((chat, value) => chat.setAttribute('theme', value), theme);
  await page.locator('switchboard-chat [part~="launcher"]').click();
  const field = page.locator('switchboard-chat [part~="composer-input"]');
  // The demo bot asks for an email before it hands over; each visitor gives their own.
  const text = `ada+${theme}${width}@example.com`;
  await field.fill('Talk to a human');
  await field.press('Enter');
  await page.waitForTimeout(300);
  await field.fill(text);
  await field.press('Enter');
  const id = await waitFor(
    () =>
      Object.entries(agent.getSnapshot().messages).find(([, list]) => list.some((m) => m.text === text))?.[0],
    'the visitor message',
  );
  await waitFor(() => agent.getSnapshot().conversations[id]?.status === 'active', 'the agent to have it');
  await agent.sendMessage(id, 'Sorry about that! I’ve sent a new one by *express* — it arrives tomorrow.');
  await page.locator('switchboard-chat [part~="activity"]').first().waitFor();
  await page.locator('switchboard-chat img[part~="header-avatar-image"]').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out(file) });
  await page.close();
}

// The widget: the demo shop's rules bot greets, offers quick replies and answers one.
const site = await browser.newPage({ viewport: { width: 1100, height: 720 } });
await site.goto(server.url);
await site.locator('switchboard-chat [part~="launcher"]').click();
const input = site.locator('switchboard-chat [part~="composer-input"]');
const say = async (text: string) => {
  await input.fill(text);
  await input.press('Enter');
};
await say('Hi!');
await site.locator('switchboard-chat [part~="quick-reply"]').first().waitFor();
await site.locator('switchboard-chat [part~="quick-reply"]', { hasText: 'Shipping' }).click();
await site.locator('switchboard-chat [part~="quick-reply"]', { hasText: 'Where is my order?' }).waitFor();
await site.waitForTimeout(300);
await site.screenshot({ path: out('widget.png') });

// The console: the visitor asks for a person, and the agent sees why, with what the bot learned.
await say('Talk to a human');
await site.waitForTimeout(300);
// sam@example.com has orders in the demo shop's context file: the details pane shows them.
await say('sam@example.com');
const conversationId = await waitFor(
  () => Object.values(agent.getSnapshot().conversations).find((c) => c.handoff !== null)?.id,
  'the handoff',
);
await agent.sendMessage(conversationId, 'Hi, I’m Ada from the shop. Happy to help with your delivery.');

const console = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await console.goto(`${server.url}/console`);
await console.locator('[data-testid="login-form"]').evaluate((form: HTMLFormElement) => form.requestSubmit());
await console.locator('[data-testid="conversation-item"]').first().click();
await console.locator('[data-testid="handoff-panel"]').waitFor();
await console.locator('[data-testid="handoff-fields"]', { hasText: 'sam@example.com' }).waitFor();
await console.locator('[data-testid="context-orders"] li').first().waitFor();
await console.waitForTimeout(300);
await console.screenshot({ path: out('console.png') });

// Open chats with an agent: dark theme on a desktop, and full screen on a phone.
await withAgent('dark', 1100, 720, 'widget-dark.png');
await withAgent('light', 390, 760, 'narrow.png');

agent.disconnect();
await browser.close();
await server.close();
process.stdout.write('wrote docs/images/{pre-chat,launcher,widget-dark,narrow,widget,console}.png\n');
