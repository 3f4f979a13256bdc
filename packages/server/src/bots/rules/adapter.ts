// The rules bot behind the common BotAdapter interface: the engine decides, the bot runner applies.
import type { RulesBotConfig } from '@switchboard/protocol';
import type { BotAdapter, BotOutcome, BotTurnContext } from '../types.js';
import { runRules } from './engine.js';
import { parseRulesState } from './state.js';

export function createRulesBot(config: RulesBotConfig): BotAdapter {
  return {
    kind: 'rules',
    name: config.name,
    handle(context: BotTurnContext): Promise<BotOutcome> {
      const { decision, state } = runRules(config, parseRulesState(context.state), {
        text: context.message.text,
        contact: context.contact,
      });
      return Promise.resolve({ kind: 'answered', decision, state });
    },
  };
}
