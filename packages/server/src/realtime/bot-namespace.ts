import {
  BotCollectPayload,
  BotHandoffPayload,
  BotMessagePayload,
  DeliveredPayload,
} from '@switchboard/protocol/schemas';
import { botRoom, type SdkBotHub } from '../bots/sdk/hub.js';
import type { Logger } from '../lib/logger.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { BotRunner } from '../services/bot-runner.js';
import type { SessionService } from '../services/sessions.js';
import type { SignalService } from '../services/signals.js';
import { handle } from './handle.js';
import { authenticateSocket } from './handshake.js';
import type { BotNamespace } from './namespaces.js';

export interface BotNamespaceDeps {
  sessions: SessionService;
  botRunner: BotRunner;
  botHub: SdkBotHub;
  signals: SignalService;
  logger: Logger;
  limiter: RateLimiter;
  /** Delivery receipts have their own budget. */
  receiptLimiter: RateLimiter;
}

/** SDK bots: one room per site; they are sent visitor messages and answer with acks. */
export function setUpBotNamespace(
  namespace: BotNamespace,
  { sessions, botRunner, botHub, signals, logger, limiter, receiptLimiter }: BotNamespaceDeps,
) {
  namespace.use(authenticateSocket(sessions, 'bot'));
  botHub.attach(namespace);
  namespace.on('connection', (socket) => {
    const { viewer } = socket.data;
    if (viewer.kind !== 'bot') return;
    const options = { logger, limiter: { limiter, key: socket.id } };
    void socket.join(botRoom(viewer.siteId));
    socket.on(
      'bot:reply',
      handle(BotMessagePayload, (p) => botRunner.reply(viewer, p), options),
    );
    socket.on(
      'bot:handoff',
      handle(BotHandoffPayload, (p) => botRunner.handoff(viewer, p), options),
    );
    socket.on(
      'bot:collect',
      handle(BotCollectPayload, (p) => botRunner.collect(viewer, p), options),
    );
    // The bot received a visitor message: delivered on the agents' side.
    socket.on(
      'conversation:delivered',
      handle(DeliveredPayload, (p) => signals.delivered(viewer, p), {
        logger,
        limiter: { limiter: receiptLimiter, key: socket.id },
      }),
    );
  });
}
