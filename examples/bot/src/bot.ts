import {
  createBotClient,
  type BotClient,
  type BotClientOptions,
  type BotTurnContext,
  type SwitchboardError,
} from '@switchboard/agent-sdk';
import { createFaq, FALLBACK_TEXT, HANDOFF_TEXT, TALK_TO_A_HUMAN, type Faq } from './faq.js';

export interface FaqBotOptions extends Pick<BotClientOptions, 'serverUrl' | 'token' | 'reconnection'> {
  /** Where the bot says what it is doing. @default nothing is logged */
  log?: (line: string) => void;
}

export interface FaqBot {
  /** The bot's connection, for anything the FAQ does not cover. */
  readonly client: BotClient;
  close(): void;
}

async function handle(faq: Faq, turn: BotTurnContext): Promise<void> {
  const result = faq.respond(turn.conversation.id, turn.message.text);
  switch (result.kind) {
    case 'answer':
      await turn.reply(result.text, { quickReplies: result.quickReplies });
      return;
    case 'unknown':
      await turn.reply(FALLBACK_TEXT, { quickReplies: [TALK_TO_A_HUMAN] });
      return;
    case 'handoff':
      // Said first: once a person has the conversation, the bot is muted.
      await turn.reply(HANDOFF_TEXT);
      await turn.handoff({ reason: result.reason, summary: result.summary });
  }
}

/**
 * Connects the FAQ bot with the site's bot token and answers until closed. Rejects with
 * `unauthorized` when the token is refused.
 */
export async function startFaqBot({ log = () => undefined, ...options }: FaqBotOptions): Promise<FaqBot> {
  const faq = createFaq();
  const client = createBotClient(options);
  client.onMessage(async (turn) => {
    log(`message in ${turn.conversation.id}: ${JSON.stringify(turn.message.text)}`);
    await handle(faq, turn);
  });
  // Handed back by an agent: earlier misses no longer count toward the next handoff.
  client.on('returned', ({ conversation }) => {
    faq.forget(conversation.id);
    log(`conversation ${conversation.id} handed back to the bot`);
  });
  client.on('connection:changed', (state) => log(`connection ${state}`));
  client.on('error', (error: SwitchboardError) => log(`error (${error.code}): ${error.message}`));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw error;
  }
  return {
    client,
    close: () => client.disconnect(),
  };
}
