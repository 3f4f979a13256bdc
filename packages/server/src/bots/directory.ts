import type { SiteRecord } from '../db/store.js';
import { createRulesBot } from './rules/adapter.js';
import { createSdkBot } from './sdk/adapter.js';
import type { SdkBotHub } from './sdk/hub.js';
import type { BotAdapter } from './types.js';
import { createWebhookBot } from './webhook/adapter.js';

/** Which bot answers for a site: built from the site's config, rebuilt when it changes. */
export interface BotDirectory {
  forSite(site: SiteRecord): BotAdapter | null;
}

export function createBotDirectory({
  hub,
  webhookBackoff,
}: {
  hub: SdkBotHub;
  /** Tests shorten the webhook retry backoff. */
  webhookBackoff?: (attempt: number) => number;
}): BotDirectory {
  const built = new Map<string, { key: string; adapter: BotAdapter }>();
  return {
    forSite(site) {
      if (!site.bot) return null;
      const key = JSON.stringify([site.bot, site.signingSecret]);
      const cached = built.get(site.id);
      if (cached?.key === key) return cached.adapter;
      const config = site.bot;
      const adapter =
        config.kind === 'rules'
          ? createRulesBot(config)
          : config.kind === 'webhook'
            ? createWebhookBot(config, { secret: site.signingSecret, backoff: webhookBackoff })
            : createSdkBot(config, hub, site.id);
      built.set(site.id, { key, adapter });
      return adapter;
    },
  };
}
