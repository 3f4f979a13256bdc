import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_BOT_CONFIG_PATH, demoBotConfig } from './demo-bot.js';
import { BotConfigError, loadBotConfigFile, parseBotConfigFile } from './load.js';

const YAML_CONFIG = `
kind: rules
greeting:
  text: Hello!
rules:
  - id: returns
    keywords: [refund, return]
    answer: Refunds take 5 days.
`;

function errorOf(run: () => unknown): BotConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof BotConfigError) return error;
    throw error;
  }
  throw new Error('expected a BotConfigError');
}

describe('bot config files', () => {
  it('parses JSON and fills the defaults', () => {
    const source = JSON.stringify({ kind: 'webhook', url: 'https://bots.example.com/hook' });
    expect(parseBotConfigFile('bot.json', source)).toEqual({
      kind: 'webhook',
      name: 'Webhook bot',
      url: 'https://bots.example.com/hook',
      timeoutMs: 5000,
      maxAttempts: 4,
    });
  });

  it('parses YAML (.yaml and .yml)', () => {
    for (const path of ['bot.yaml', 'BOT.YML']) {
      const config = parseBotConfigFile(path, YAML_CONFIG);
      expect(config).toMatchObject({
        kind: 'rules',
        name: 'Switchboard bot',
        rules: [{ id: 'returns', keywords: ['refund', 'return'], collect: [], handoff: false }],
        fallback: { limit: 2 },
      });
    }
  });

  it('reports YAML syntax errors with the file and line', () => {
    const error = errorOf(() =>
      parseBotConfigFile('./bot.yaml', 'kind: rules\ngreeting: [oops\nname: x: y\n'),
    );
    expect(error.message).toMatch(/^Invalid YAML in \.\/bot\.yaml:\n {2}.+ at line 3, column \d+/);
    expect(error.problems.length).toBeGreaterThan(0);
  });

  it('reports JSON syntax errors with the file and line', () => {
    const error = errorOf(() => parseBotConfigFile('conf/bot.json', '{\n  "kind": "rules",\n}'));
    expect(error.message).toMatch(/^Invalid JSON in conf\/bot\.json:\n {2}.*line 3/);
  });

  it('names the file and the path of every schema problem', () => {
    const source = JSON.stringify({
      kind: 'rules',
      greeting: { text: 'Hi' },
      rules: [
        { id: 'a', keywords: ['x'], answer: 'A' },
        { id: 'a', keywords: ['y'], answer: 'B', collect: ['orderNumber'] },
        { id: 'c', keywords: [], answer: 'C' },
      ],
      fallback: { limit: 0 },
    });
    const error = errorOf(() => parseBotConfigFile('./bot.json', source));
    expect(error.message.split('\n')).toEqual([
      'Invalid bot config in ./bot.json:',
      '  rules.2.keywords: Too small: expected array to have >=1 items',
      '  fallback.limit: Too small: expected number to be >=1',
      '  rules.1.collect.0: field "orderNumber" is not declared under fields',
      '  rules.1.id: duplicate rule id',
    ]);
    const refined = errorOf(() =>
      parseBotConfigFile(
        './bot.yaml',
        YAML_CONFIG.replace('id: returns', 'id: a\n    collect: [orderNumber]'),
      ),
    );
    expect(refined.message).toBe(
      'Invalid bot config in ./bot.yaml:\n  rules.0.collect.0: field "orderNumber" is not declared under fields',
    );
  });

  it('reports an unknown kind, an empty file and an unsupported extension', () => {
    expect(errorOf(() => parseBotConfigFile('bot.yaml', 'kind: magic')).message).toMatch(
      /^Invalid bot config in bot\.yaml:\n {2}kind: /,
    );
    expect(errorOf(() => parseBotConfigFile('bot.yaml', '')).message).toMatch(
      /^Invalid bot config in bot\.yaml:\n {2}\(root\): /,
    );
    expect(errorOf(() => parseBotConfigFile('bot.toml', '')).message).toBe(
      'Unsupported bot config file bot.toml: use .json, .yaml or .yml',
    );
  });

  it('loads a file from disk, and names a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bot-'));
    const path = join(dir, 'bot.yml');
    writeFileSync(path, YAML_CONFIG);
    expect(loadBotConfigFile(path)).toEqual(parseBotConfigFile('bot.yml', YAML_CONFIG));
    expect(errorOf(() => loadBotConfigFile(join(dir, 'missing.yaml'))).message).toMatch(
      /^Cannot read bot config .*missing\.yaml: ENOENT/,
    );
  });

  it('keeps demo-bot.yaml identical to demoBotConfig()', () => {
    const fromFile = parseBotConfigFile(DEMO_BOT_CONFIG_PATH, readFileSync(DEMO_BOT_CONFIG_PATH, 'utf8'));
    expect(fromFile).toEqual(demoBotConfig());
  });
});
