#!/usr/bin/env node
// The server as a program: configuration from the environment, then createApp and listen.
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { DEMO } from './services/demo-seed.js';

const config = loadConfig();
const switchboard = await createApp({ config });
const { port } = await switchboard.listen();

const base = config.publicUrl ?? `http://localhost:${port}`;
process.stdout.write(
  [
    '',
    `Switchboard is running (database: ${config.databasePath})`,
    '',
    `  Demo website   ${base}/`,
    `  Agent console  ${base}/console`,
    `  Health         ${base}/healthz`,
    ...(config.demo ? ['', `  Demo agent login: ${DEMO.agentEmail} / ${DEMO.agentPassword}`] : []),
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

const stop = () => {
  void switchboard.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
