// Public entry: embed the server in your own Node process, or use it from tests.
export { createApp } from './app.js';
export type { AppDeps, SwitchboardApp } from './app.js';
export { loadConfig } from './config.js';
export type { Config } from './config.js';
export { createSqliteStore } from './db/sqlite/index.js';
export type { Store } from './db/store.js';
export { DEMO } from './services/demo-seed.js';
export type { StaticRoots } from './http/routes/static-files.js';
export { silentLogger, createConsoleLogger } from './lib/logger.js';
export { hashPasswordSync } from './lib/secrets.js';
export type { Logger } from './lib/logger.js';
