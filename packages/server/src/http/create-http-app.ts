import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Store } from '../db/store.js';
import { AppError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { AgentService } from '../services/agents.js';
import type { AttachmentService } from '../services/attachments.js';
import type { ContactService } from '../services/contacts.js';
import type { ContextService } from '../services/context/index.js';
import type { LabelService } from '../services/labels.js';
import type { MentionService } from '../services/mentions.js';
import type { SdkBotHub } from '../bots/sdk/hub.js';
import type { BotRunner } from '../services/bot-runner.js';
import type { CannedService } from '../services/canned.js';
import type { ChannelService } from '../channels/service.js';
import type { RoutingService } from '../services/routing.js';
import type { ConversationService } from '../services/conversations.js';
import type { SessionService } from '../services/sessions.js';
import type { HttpEnv } from './context.js';
import { errorResponse } from './errors.js';
import { agentRoutes } from './routes/agents.js';
import { attachmentRoutes } from './routes/attachments.js';
import { cannedRoutes } from './routes/canned-responses.js';
import { channelConversationRoutes, channelRoutes } from './routes/channels.js';
import { contactRoutes } from './routes/contacts.js';
import { labelRoutes } from './routes/labels.js';
import { mentionRoutes } from './routes/mentions.js';
import { conversationRoutes } from './routes/conversations.js';
import { queueRoutes } from './routes/queues.js';
import { publicSiteRoutes } from './routes/public-site.js';
import { siteRoutes } from './routes/sites.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/sessions.js';
import { staticRoutes, type StaticRoots } from './routes/static-files.js';
import { uploadRoutes } from './routes/uploads.js';

export interface HttpDeps {
  store: Store;
  sessions: SessionService;
  conversations: ConversationService;
  agents: AgentService;
  routing: RoutingService;
  botRunner: BotRunner;
  botHub: SdkBotHub;
  attachments: AttachmentService;
  canned: CannedService;
  labels: LabelService;
  contacts: ContactService;
  context: ContextService;
  mentions: MentionService;
  channels: ChannelService;
  sessionLimiter: RateLimiter;
  uploadLimiter: RateLimiter;
  logger: Logger;
  /** Null serves no pages, only the API. */
  staticRoots: StaticRoots | null;
}

export function createHttpApp(deps: HttpDeps) {
  const app = new Hono<HttpEnv>();
  // The API is bearer-token only (no cookies), so any origin may call it; the site allowlist is
  // enforced where it matters: visitor session creation and the socket handshake.
  app.use(
    '/v1/*',
    cors({ origin: (origin) => origin, allowHeaders: ['authorization', 'content-type'], maxAge: 600 }),
  );
  const jsonLimit: MiddlewareHandler<HttpEnv> = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new AppError('payload_too_large', 'The request body is larger than 64 KiB');
    },
  });
  // Uploads enforce their own (configurable) limit while they stream to disk; channel webhooks
  // (emails with attachments) have their own.
  const bodyLimits: MiddlewareHandler<HttpEnv> = (c, next) =>
    c.req.path === '/v1/uploads' || /^\/v1\/channels\/[^/]+\/webhook$/.test(c.req.path)
      ? next()
      : jsonLimit(c, next);
  app.use('/v1/*', bodyLimits);

  app.route('/healthz', healthRoutes(deps.store));
  app.route('/v1', sessionRoutes(deps.sessions, deps.sessionLimiter));
  app.route('/v1', agentRoutes(deps.sessions, deps.store, deps.agents));
  app.route('/v1/queues', queueRoutes(deps.sessions, deps.store, deps.routing));
  app.route('/v1/sites', publicSiteRoutes(deps.sessions, deps.sessionLimiter));
  app.route('/v1/sites', siteRoutes(deps.sessions, deps.store, deps.botHub));
  app.route('/v1/uploads', uploadRoutes(deps.sessions, deps.attachments, deps.uploadLimiter));
  app.route('/v1/attachments', attachmentRoutes(deps.attachments));
  app.route('/v1/canned-responses', cannedRoutes(deps.sessions, deps.canned));
  app.route('/v1/channels', channelRoutes(deps.sessions, deps.channels));
  app.route('/v1/conversations', channelConversationRoutes(deps.sessions, deps.channels));
  app.route(
    '/v1/conversations',
    conversationRoutes(
      deps.sessions,
      deps.conversations,
      deps.store,
      deps.botRunner,
      deps.agents,
      deps.context,
    ),
  );
  app.route('/v1/labels', labelRoutes(deps.sessions, deps.labels));
  app.route('/v1/contacts', contactRoutes(deps.sessions, deps.contacts));
  app.route('/v1/mentions', mentionRoutes(deps.sessions, deps.mentions));
  app.all('/v1/*', () => {
    throw new AppError('not_found', 'No such endpoint');
  });
  if (deps.staticRoots) app.route('/', staticRoutes(deps.staticRoots));

  app.onError((error, c) => errorResponse(c, error, deps.logger));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404));
  return app;
}
