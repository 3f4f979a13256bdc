#!/usr/bin/env node
// Runs the FAQ bot until SIGINT or SIGTERM: `SWITCHBOARD_BOT_TOKEN=… node dist/main.js`.
import { startFaqBot } from './bot.js';

const serverUrl = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';
const token = process.env.SWITCHBOARD_BOT_TOKEN;

if (!token) {
  console.error(
    [
      'SWITCHBOARD_BOT_TOKEN is required. An admin issues one for a site (the previous one stops working):',
      '',
      `  curl -X POST -H "Authorization: Bearer <admin token>" ${serverUrl}/v1/sites/<siteId>/bot/token`,
      '',
      'and the site must use an SDK bot: PUT /v1/sites/<siteId>/bot with {"kind":"sdk","name":"FAQ bot"}.',
      'See examples/bot/README.md.',
    ].join('\n'),
  );
  process.exit(1);
}

const log = (line: string): void => console.log(`[faq-bot] ${line}`);

try {
  const bot = await startFaqBot({ serverUrl, token, log });
  log(`answering for ${serverUrl}; Ctrl+C to stop`);
  const shutdown = (signal: string): void => {
    log(`${signal}: shutting down`);
    bot.close();
    process.exit(0);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  console.error(
    `[faq-bot] could not connect to ${serverUrl}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
