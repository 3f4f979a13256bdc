import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  CreateChannelAccountRequest,
  SendTemplateRequest,
  StartOutboundRequest,
} from '@switchboard/protocol/schemas';
import type { ChannelService, WebhookReply } from '../../channels/service.js';
import { AppError } from '../../lib/app-error.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';
import { jsonBody } from '../validate.js';

/** Emails with attachments are the largest deliveries a provider posts. */
export const MAX_WEBHOOK_BYTES = 32 * 1024 * 1024;

const reply = (answer: WebhookReply) =>
  new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });

/**
 * `GET /v1/channels`: the connected accounts (agents). `POST /v1/channels`: connect one (admins).
 * `GET /v1/channels/:id/templates`: its approved templates. `POST /v1/channels/:id/register-webhook`:
 * tells the provider the webhook URL, where its API allows (admins). `GET|POST /v1/channels/:id/webhook`
 * (and `POST …/webhook/mime`, for Mailgun's raw MIME): what the provider calls — no bearer token,
 * the adapter checks the provider's signature instead.
 */
export function channelRoutes(sessions: SessionService, channels: ChannelService) {
  const webhooks = new Hono<HttpEnv>()
    .use(
      bodyLimit({
        maxSize: MAX_WEBHOOK_BYTES,
        onError: () => {
          throw new AppError('payload_too_large', 'The delivery is larger than 32 MiB');
        },
      }),
    )
    .get('/:id/webhook', async (c) =>
      reply(await channels.handshake(c.req.param('id'), new URL(c.req.url).searchParams)),
    )
    // Mailgun posts a route's raw message (`body-mime`) only to a URL ending in "mime", hence the alias.
    .post('/:id/webhook/:format{mime}?', async (c) => {
      const rawBody = new Uint8Array(await c.req.arrayBuffer());
      return reply(
        await channels.receive(c.req.param('id'), {
          method: 'POST',
          url: new URL(c.req.url),
          headers: c.req.raw.headers,
          rawBody,
        }),
      );
    });
  const accounts = new Hono<HttpEnv>()
    .use(requireAgent(sessions))
    .get('/', async (c) => c.json(await channels.list(c.var.viewer)))
    .post('/', async (c) =>
      c.json(await channels.create(c.var.viewer, await jsonBody(c, CreateChannelAccountRequest)), 201),
    )
    .get('/:id/templates', async (c) => c.json(await channels.templates(c.var.viewer, c.req.param('id'))))
    .post('/:id/register-webhook', async (c) =>
      c.json(await channels.registerWebhook(c.var.viewer, c.req.param('id'))),
    );
  return new Hono<HttpEnv>().route('/', webhooks).route('/', accounts);
}

/**
 * `POST /v1/conversations/outbound`: an agent starts a conversation on a channel.
 * `POST /v1/conversations/:id/template`: an approved template into a channel conversation.
 */
export function channelConversationRoutes(sessions: SessionService, channels: ChannelService) {
  // Per route, not `.use`: mounted beside the conversation routes, a catch-all middleware here
  // would refuse visitors on every other /v1/conversations path.
  const agentsOnly = requireAgent(sessions);
  return new Hono<HttpEnv>()
    .post('/outbound', agentsOnly, async (c) =>
      c.json(await channels.startOutbound(c.var.viewer, await jsonBody(c, StartOutboundRequest)), 201),
    )
    .post('/:id/template', agentsOnly, async (c) =>
      c.json(
        await channels.sendTemplate(c.var.viewer, c.req.param('id'), await jsonBody(c, SendTemplateRequest)),
        201,
      ),
    );
}
