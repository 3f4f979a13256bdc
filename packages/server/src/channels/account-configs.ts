// An account's stored config, parsed by its adapter's schema. Stored configs never change, so
// each is parsed once and shared by the webhook intake and both workers, instead of a zod parse
// on every delivery and every send.
import type { ChannelAccountRecord } from '../db/store.js';
import { AppError } from '../lib/app-error.js';
import type { ChannelAdapter } from './adapter.js';

export interface AccountConfigs {
  /** The parsed config; `invalid_payload` naming each bad field when it does not parse. */
  of(adapter: ChannelAdapter<unknown>, account: Pick<ChannelAccountRecord, 'id' | 'config'>): unknown;
  /** Checks a config before it is stored (nothing is kept). */
  check(adapter: ChannelAdapter<unknown>, config: unknown): void;
}

export function createAccountConfigs(): AccountConfigs {
  const parsed = new Map<string, unknown>();

  function parse(adapter: ChannelAdapter<unknown>, config: unknown): unknown {
    const result = adapter.config.safeParse(config);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new AppError('invalid_payload', `Invalid ${adapter.channel} configuration`, issues);
  }

  return {
    of(adapter, account) {
      if (parsed.has(account.id)) return parsed.get(account.id);
      const config = parse(adapter, account.config);
      parsed.set(account.id, config);
      return config;
    },
    check: (adapter, config) => void parse(adapter, config),
  };
}
