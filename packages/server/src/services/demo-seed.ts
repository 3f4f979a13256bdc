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

/** Replies the demo agent can pick with `/` in the console, showing variables and fallbacks. */
export const DEMO_CANNED_RESPONSES = [
  {
    shortcut: 'greeting',
    title: 'Greeting',
    category: 'General',
    body: "Hi {{contact.first_name || 'there'}}, I'm {{agent.first_name}} from the Switchboard demo shop. How can I help you today?",
  },
  {
    shortcut: 'refund-policy',
    title: 'Refund policy',
    category: 'Orders',
    body: 'Of course, {{ contact.first_name || "happy to help" }}! Returns are free for 60 days: print a label from your account under Orders › Return, drop the parcel at any post office, and we refund you within 5 business days of receiving it.',
  },
  {
    shortcut: 'follow-up-email',
    title: 'Follow up by email',
    category: 'General',
    body: "I'll look into this and write to you at {{contact.email || 'the address on your account'}} by tomorrow. Your reference is {{conversation.id}}.",
  },
] as const;

/**
 * Seeds the demo site (with the rules bot unless `withBot` is false), its queue, agent and canned
 * responses into an empty database; returns whether it did.
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
  for (const canned of DEMO_CANNED_RESPONSES) await store.canned.create({ siteId: site.id, ...canned });
  if (withBot) await store.sites.update(site.id, { bot: demoBotConfig() });
  return true;
}
