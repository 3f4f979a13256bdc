import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import type { Server as SocketServer } from 'socket.io';
import type { Config } from './config.js';
import { createBotDirectory } from './bots/directory.js';
import type { AdapterRegistry } from './channels/adapter.js';
import { createAccountConfigs } from './channels/account-configs.js';
import { createAdapterContext } from './channels/context.js';
import { createInboundProcessor } from './channels/inbound.js';
import { defaultAdapters } from './channels/index.js';
import { createOutboundWorker } from './channels/outbound.js';
import { createChannelPolicy } from './channels/policy.js';
import { createChannelService, type ChannelService } from './channels/service.js';
import { loadBotConfigFile } from './bots/rules/load.js';
import { createSdkBotHub } from './bots/sdk/hub.js';
import { createSqliteStore } from './db/sqlite/index.js';
import type { Store } from './db/store.js';
import { createEventBus, type EventBus } from './domain/events.js';
import { createHttpApp } from './http/create-http-app.js';
import type { StaticRoots } from './http/routes/static-files.js';
import { createConsoleLogger, type Logger } from './lib/logger.js';
import { createSmtpMailer } from './lib/mailer.js';
import { createRateLimiter } from './lib/rate-limit.js';
import { createTokenSigner } from './lib/tokens.js';
import { createGateway } from './realtime/gateway.js';
import { createAnnotationService, type AnnotationService } from './services/annotations.js';
import { createContactService, type ContactService } from './services/contacts.js';
import { createContextService, type ContextService } from './services/context/index.js';
import { createConversationService, type ConversationService } from './services/conversations.js';
import { createLabelService, type LabelService } from './services/labels.js';
import { createMentionService, type MentionService } from './services/mentions.js';
import { createAgentService, type AgentService } from './services/agents.js';
import {
  createAttachmentService,
  PENDING_UPLOAD_TIMER,
  type AttachmentService,
} from './services/attachments.js';
import { createAutoResolve } from './services/auto-resolve.js';
import { createBotRunner, type BotRunner } from './services/bot-runner.js';
import { createCannedService, type CannedService } from './services/canned.js';
import { createCsatService, type CsatService } from './services/csat.js';
import { createSignalService } from './services/signals.js';
import { BOT_REPLY_TIMER, createHandoffService, type HandoffService } from './services/handoff.js';
import { createNoAgentPolicy } from './services/no-agent.js';
import { createNotifier } from './services/notifier.js';
import { createOfflineForms } from './services/offline-form.js';
import { createPreChatService } from './services/pre-chat.js';
import { seedDemo } from './services/demo-seed.js';
import { createLifecycleService, type LifecycleService } from './services/lifecycle.js';
import { createRoutingService, type RoutingService } from './services/routing.js';
import { startTimerScheduler, type TimerScheduler } from './services/timers.js';
import { createVisitorPresence } from './services/visitors.js';
import { createSessionService, type SessionService } from './services/sessions.js';

export interface AppDeps {
  config: Config;
  /** @default a SQLite store at `config.databasePath` */
  store?: Store;
  /** @default one line per entry on stderr */
  logger?: Logger;
  /** @default Date.now */
  now?: () => number;
  /** @default the repository's examples and widget build, when present and `config.serveExamples` */
  staticRoots?: StaticRoots | null;
  /** Delay before webhook retry `attempt` (tests shorten it). @default exponential with jitter */
  webhookBackoff?: (attempt: number) => number;
  /** Delay before channel inbox/outbox retry `attempt` (tests shorten it). @default 1 s doubling, ±20 % */
  channelBackoff?: (attempt: number) => number;
  /** @default every channel in `channels/` */
  channelAdapters?: AdapterRegistry;
}

export interface SwitchboardApp {
  /** The Hono app: drive it in-process with `app.request(url)`. */
  app: ReturnType<typeof createHttpApp>;
  io: SocketServer;
  httpServer: HttpServer;
  store: Store;
  services: {
    sessions: SessionService;
    conversations: ConversationService;
    lifecycle: LifecycleService;
    routing: RoutingService;
    agents: AgentService;
    handoff: HandoffService;
    bots: BotRunner;
    csat: CsatService;
    attachments: AttachmentService;
    canned: CannedService;
    annotations: AnnotationService;
    labels: LabelService;
    contacts: ContactService;
    context: ContextService;
    mentions: MentionService;
    channels: ChannelService;
  };
  /** Fires due timers now (tests use it instead of waiting for the poll). */
  timers: TimerScheduler;
  bus: EventBus;
  /** Listens on `config.port`/`config.host` (port 0 picks a free one) and returns the base URL. */
  listen(): Promise<{ port: number; url: string }>;
  /** Closes sockets, the HTTP server and the store; idempotent. */
  close(): Promise<void>;
}

/** The composition root: every service is built here and handed its dependencies. */
export async function createApp(deps: AppDeps): Promise<SwitchboardApp> {
  const { config } = deps;
  const logger = deps.logger ?? createConsoleLogger();
  const now = deps.now ?? Date.now;
  const store = deps.store ?? createSqliteStore(config.databasePath, now);
  if (config.demo && (await seedDemo(store, { withBot: config.demoBot }))) {
    logger.info('seeded the demo site and agent');
  }
  if (config.bots.file) await applyBotFile(store, config.bots.file, logger);

  const bus = createEventBus((error) => logger.error('domain event subscriber failed', { error }));
  const tokens = createTokenSigner(config.secret, now);
  const attachments = createAttachmentService({ store, config: config.uploads, now });
  const sessions = createSessionService({ store, tokens, config, now, uploadLimits: attachments.limits });
  const routing = createRoutingService({ store, bus, logger, now });
  const lifecycle = createLifecycleService({ store, bus, routing, now });
  const agents = createAgentService({
    store,
    bus,
    routing,
    now,
    offlineGraceMs: config.lifecycle.agentOfflineAfterMs,
  });
  const visitors = createVisitorPresence({
    store,
    lifecycle,
    now,
    abandonAfterMs: config.lifecycle.abandonAfterMs,
  });
  const autoResolve = createAutoResolve({
    store,
    lifecycle,
    now,
    windows: { ownedMs: config.lifecycle.autoResolveAfterMs, botMs: config.lifecycle.sessionTimeoutMs },
  });
  const noAgent = createNoAgentPolicy({ store, bus, now });
  const mentions = createMentionService({ store, bus, now });
  const adapters = deps.channelAdapters ?? defaultAdapters();
  const adapterContext = createAdapterContext(config.channels.requestTimeoutMs, now);
  const channelConfigs = createAccountConfigs();
  const conversations = createConversationService({
    store,
    bus,
    lifecycle,
    routing,
    autoResolve,
    noAgent,
    mentions,
    channelPolicy: createChannelPolicy(store, adapters, now),
  });
  const annotations = createAnnotationService({ store, bus });
  const labels = createLabelService({ store, bus });
  const contacts = createContactService({ store, bus });
  const context = createContextService({ store, conversations, config: config.context, logger, now });
  const handoff = createHandoffService({ store, bus, routing, noAgent, now });
  const csat = createCsatService({ store, bus, now });
  const signals = createSignalService({ store, bus, now });
  const canned = createCannedService({ store, bus });
  const botHub = createSdkBotHub(bus);
  const botRunner = createBotRunner({
    store,
    bus,
    bots: createBotDirectory({ hub: botHub, webhookBackoff: deps.webhookBackoff }),
    handoff,
    signals,
    logger,
    now,
    replyTimeoutMs: config.bots.replyTimeoutMs,
  });
  const stopBots = botRunner.start();
  let publicUrl: string | null = config.publicUrl;
  const notifier = createNotifier({
    mailer: config.mail ? createSmtpMailer(config.mail.smtpUrl, config.mail.from) : null,
    logger,
    publicUrl: () => publicUrl,
    webhookBackoff: deps.webhookBackoff,
  });
  const channels = createChannelService({
    store,
    bus,
    adapters,
    conversations,
    lifecycle,
    context: adapterContext,
    configs: channelConfigs,
    logger,
    publicUrl: () => publicUrl,
    inbound: createInboundProcessor({
      store,
      adapters,
      conversations,
      attachments,
      bus,
      logger,
      context: adapterContext,
      configs: channelConfigs,
      now,
      backoff: deps.channelBackoff,
    }),
    outbound: createOutboundWorker({
      store,
      adapters,
      attachments,
      bus,
      logger,
      context: adapterContext,
      configs: channelConfigs,
      publicUrl: () => publicUrl,
      now,
      backoff: deps.channelBackoff,
    }),
  });
  const stopChannels = channels.start(config.channels.pollMs);
  const offlineForms = createOfflineForms({ store, bus, conversations, handoff, notifier, logger });
  const preChat = createPreChatService({ store, bus, routing, noAgent, autoResolve, notifier, logger, now });
  const timers = startTimerScheduler({
    store,
    logger,
    now,
    intervalMs: config.lifecycle.timerPollMs,
    handlers: {
      auto_resolve: (conversationId) => autoResolve.fire(conversationId),
      abandon: (contactId) => visitors.abandonIfGone(contactId),
      agent_offline: (agentId) => agents.goOfflineIfAway(agentId),
      [BOT_REPLY_TIMER]: (conversationId) => botRunner.replyTimedOut(conversationId),
      [PENDING_UPLOAD_TIMER]: (attachmentId) => attachments.expire(attachmentId),
    },
  });

  const app = createHttpApp({
    store,
    sessions,
    conversations,
    agents,
    routing,
    botRunner,
    botHub,
    attachments,
    canned,
    labels,
    contacts,
    context,
    mentions,
    channels,
    sessionLimiter: createRateLimiter(config.rateLimits.sessions, now),
    uploadLimiter: createRateLimiter(config.rateLimits.uploads, now),
    logger,
    staticRoots: deps.staticRoots === undefined ? defaultStaticRoots(config, logger) : deps.staticRoots,
  });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  const io = createGateway({
    httpServer,
    sessions,
    conversations,
    csat,
    lifecycle,
    handoff,
    offlineForms,
    preChat,
    botRunner,
    botHub,
    routing,
    agents,
    visitors,
    signals,
    annotations,
    mentions,
    bus,
    logger,
    messageRate: config.rateLimits.messages,
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    io,
    httpServer,
    store,
    services: {
      sessions,
      conversations,
      lifecycle,
      routing,
      agents,
      handoff,
      bots: botRunner,
      csat,
      attachments,
      canned,
      annotations,
      labels,
      contacts,
      context,
      mentions,
      channels,
    },
    timers,
    bus,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          publicUrl ??= `http://localhost:${port}`;
          resolve({
            port,
            url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
          });
        });
      }),
    close: () =>
      (closing ??= (async () => {
        timers.stop();
        await stopChannels();
        stopBots();
        await botRunner.idle();
        // io.close() disconnects every socket and closes the HTTP server it is attached to.
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        await store.close();
      })()),
  };
}

/** A bad file stops the start with a message naming the file and every problem in it. */
async function applyBotFile(store: Store, file: { path: string; siteKey: string }, logger: Logger) {
  const bot = loadBotConfigFile(file.path);
  const site = await store.sites.byKey(file.siteKey);
  if (!site)
    throw new Error(`SWITCHBOARD_BOT_FILE: no site has the key ${file.siteKey} (SWITCHBOARD_BOT_SITE_KEY)`);
  await store.sites.update(site.id, { bot });
  logger.info(`bot from ${file.path} (${bot.kind}) answers for ${site.name}`);
}

function defaultStaticRoots(config: Config, logger: Logger): StaticRoots | null {
  if (!config.serveExamples) return null;
  const fromRepo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  const roots = {
    website: fromRepo('examples/website'),
    console: fromRepo('examples/agent-console'),
    tinyConsole: fromRepo('examples/tiny-console'),
    widget: fromRepo('packages/widget/dist/cdn'),
  };
  for (const [name, path] of Object.entries(roots)) {
    if (!existsSync(path)) logger.warn(`not serving the ${name}: ${path} does not exist (run pnpm build)`);
  }
  return roots;
}
