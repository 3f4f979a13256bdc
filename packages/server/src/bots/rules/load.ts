// Bot configs as files (JSON or YAML), for self-hosters who keep their bot in version control.
// Every problem is reported at once, with the file and where in it, so one edit fixes them all.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { BotConfig } from '@switchboard/protocol/schemas';
import { parseDocument } from 'yaml';
import type { z } from 'zod';

/** A bot config file that cannot be read, parsed or validated; `problems` are the message's lines. */
export class BotConfigError extends Error {
  override readonly name = 'BotConfigError';

  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}:\n${problems.map((p) => `  ${p}`).join('\n')}` : message);
  }
}

export function loadBotConfigFile(path: string): BotConfig {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BotConfigError(`Cannot read bot config ${path}: ${(error as Error).message}`);
  }
  return parseBotConfigFile(path, source);
}

/** Parses `source` as JSON or YAML (by `path`'s extension) and validates it as a bot config. */
export function parseBotConfigFile(path: string, source: string): BotConfig {
  const data = parseSource(path, source);
  const result = BotConfig.safeParse(data);
  if (!result.success)
    throw new BotConfigError(`Invalid bot config in ${path}`, describeIssues(result.error));
  return result.data;
}

function parseSource(path: string, source: string): unknown {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return parseJson(path, source);
  if (extension === '.yaml' || extension === '.yml') return parseYaml(path, source);
  throw new BotConfigError(`Unsupported bot config file ${path}: use .json, .yaml or .yml`);
}

function parseJson(path: string, source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new BotConfigError(`Invalid JSON in ${path}`, [withJsonLine((error as Error).message, source)]);
  }
}

function parseYaml(path: string, source: string): unknown {
  const document = parseDocument(source);
  // The library's messages end with a source excerpt; its first line already says where.
  const problems = document.errors.map((error) => (error.message.split('\n')[0] ?? '').replace(/:$/, ''));
  if (problems.length > 0) throw new BotConfigError(`Invalid YAML in ${path}`, problems);
  return document.toJS() as unknown;
}

/** Node's JSON errors give a character offset; people look for a line and column. */
function withJsonLine(message: string, source: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined || /\bline\b/.test(message)) return message;
  const before = source.slice(0, Number(position)).split('\n');
  return `${message} (line ${before.length}, column ${(before.at(-1) ?? '').length + 1})`;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
}
