import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, BOT_NAMESPACE, VISITOR_NAMESPACE } from '@switchboard/protocol';
import type { SdkBotHub } from '../bots/sdk/hub.js';
import type { EventBus } from '../domain/events.js';
import type { Logger } from '../lib/logger.js';
import { createRateLimiter, type RateLimit } from '../lib/rate-limit.js';
import type { AgentService } from '../services/agents.js';
import type { AnnotationService } from '../services/annotations.js';
import type { MentionService } from '../services/mentions.js';
import type { BotRunner } from '../services/bot-runner.js';
import type { ConversationService } from '../services/conversations.js';
import type { CsatService } from '../services/csat.js';
import type { HandoffService } from '../services/handoff.js';
import type { OfflineForms } from '../services/offline-form.js';
import type { PreChatService } from '../services/pre-chat.js';
import type { LifecycleService } from '../services/lifecycle.js';
import type { RoutingService } from '../services/routing.js';
import type { SessionService } from '../services/sessions.js';
import type { SignalService } from '../services/signals.js';
import type { VisitorPresence } from '../services/visitors.js';
import { setUpAgentNamespace } from './agent-namespace.js';
import { setUpBotNamespace } from './bot-namespace.js';
import { fanOut } from './fan-out.js';
import type { AgentNamespace, BotNamespace, VisitorNamespace } from './namespaces.js';
import { setUpVisitorNamespace } from './visitor-namespace.js';

export interface GatewayDeps {
  httpServer: HttpServer;
  sessions: SessionService;
  conversations: ConversationService;
  csat: CsatService;
  lifecycle: LifecycleService;
  handoff: HandoffService;
  offlineForms: OfflineForms;
  preChat: PreChatService;
  botRunner: BotRunner;
  botHub: SdkBotHub;
  routing: RoutingService;
  agents: AgentService;
  visitors: VisitorPresence;
  signals: SignalService;
  annotations: AnnotationService;
  mentions: MentionService;
  bus: EventBus;
  logger: Logger;
  messageRate: RateLimit;
}

/** Per socket: clients refresh every 2.5 s while typing; this leaves room for start/stop pairs. */
const TYPING_RATE: RateLimit = { perSecond: 2, burst: 3 };

/**
 * Per socket: delivery receipts are sent by clients on their own, one per burst of messages and
 * conversation; their own budget, so that they never eat into the budget for messages.
 */
const RECEIPT_RATE: RateLimit = { perSecond: 10, burst: 40 };

/** socket.io on the HTTP server: three authenticated namespaces (visitors, agents, SDK bots), and domain events fanned out to rooms. */
export function createGateway({ httpServer, bus, messageRate, ...deps }: GatewayDeps): Server {
  const io = new Server(httpServer, {
    // The origin check is per site, in the handshake middleware; CORS only has to let it through.
    cors: { origin: true },
    maxHttpBufferSize: 64 * 1024,
    // An optimisation only: clients still resync by seq whenever `recovered` is false.
    // Recovered sockets are re-authenticated (tokens are short-lived on purpose). Note: socket.io
    // computes the missed packets before middleware runs, so a middleware that truly waits on I/O
    // could let a live broadcast slip between the two; ours only awaits synchronous SQLite reads.
    // A store with network round trips (Postgres) must keep the handshake free of I/O.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  const limiter = createRateLimiter(messageRate);
  // Typing is chatty and worthless once stale: its own, tighter budget, so it never eats into
  // the budget for messages.
  const typingLimiter = createRateLimiter(TYPING_RATE);
  const receiptLimiter = createRateLimiter(RECEIPT_RATE);
  const visitors = io.of(VISITOR_NAMESPACE) as unknown as VisitorNamespace;
  const agents = io.of(AGENT_NAMESPACE) as unknown as AgentNamespace;
  setUpVisitorNamespace(visitors, { ...deps, limiter, typingLimiter, receiptLimiter });
  const bots = io.of(BOT_NAMESPACE) as unknown as BotNamespace;
  setUpAgentNamespace(agents, { ...deps, limiter, typingLimiter, receiptLimiter });
  setUpBotNamespace(bots, { ...deps, limiter, receiptLimiter });
  fanOut(bus, visitors, agents, deps.botHub);
  return io;
}
