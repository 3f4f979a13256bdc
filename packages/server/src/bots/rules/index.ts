// The built-in rules / FAQ bot (BotConfig kind `rules`).
export { createRulesBot } from './adapter.js';
export { DEMO_BOT_CONFIG_PATH, demoBotConfig } from './demo-bot.js';
export { runRules } from './engine.js';
export type { RulesInput, RulesResult, RulesState } from './engine.js';
export { BotConfigError, loadBotConfigFile, parseBotConfigFile } from './load.js';
