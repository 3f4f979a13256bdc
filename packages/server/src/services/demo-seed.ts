import { demoBotConfig } from '../bots/rules/demo-bot.js';
import type { Store } from '../db/store.js';
import { hashPasswordSync, randomSecret } from '../lib/secrets.js';

/** What the quick start prints; fixed so the demo page can hard-code its site key. */
export const DEMO = {
  siteKey: 'pk_demo_switchboard',
  siteName: 'Switchboard demo',
  agentEmail: 'agent@switchboard.dev',
  agentPassword: 'switchboard',
  agentName: 'Ada (demo agent)',
} as const;

/**
 * Seeds the demo site (with the rules bot unless `withBot` is false), its queue and agent into
 * an empty database; returns whether it did.
 */
export async function seedDemo(
  store: Store,
  { withBot = true }: { withBot?: boolean } = {},
): Promise<boolean> {
  if ((await store.sites.count()) > 0) return false;
  const site = await store.sites.create({
    name: DEMO.siteName,
    siteKey: DEMO.siteKey,
    identitySecret: randomSecret(),
    identityVerification: 'off',
    // Any origin, so the demo works on whatever host and port it is started; set real origins in production.
    allowedOrigins: [],
  });
  const agent = await store.agents.create({
    email: DEMO.agentEmail,
    name: DEMO.agentName,
    // Served by the demo website (examples/website/images), like the bot's card pictures.
    avatarUrl: '/images/ada.svg',
    role: 'admin',
    capacity: 5,
    passwordHash: hashPasswordSync(DEMO.agentPassword),
  });
  const queue = await store.queues.create({
    siteId: site.id,
    name: 'General',
    strategy: 'least_busy',
    isDefault: true,
  });
  await store.queues.addMember(queue.id, agent.id);
  if (withBot) await store.sites.update(site.id, { bot: demoBotConfig() });
  return true;
}
