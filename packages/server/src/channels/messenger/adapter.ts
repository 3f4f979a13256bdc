// Facebook Messenger through a Page (docs/channels/messenger.md): Meta's signed webhook in, the
// Send API out, delivery receipts onto our messages.
import { ChannelSendError, defineAdapter } from '../adapter.js';
import { MessengerConfig } from './config.js';
import { eventsOf, PageDelivery } from './events.js';
import { postMessage } from './graph.js';
import { requestsFor } from './send.js';
import { hubHandshake, verifyHubSignature } from '../meta/hub.js';

export const messengerChannel = defineAdapter<MessengerConfig>({
  channel: 'messenger',
  config: MessengerConfig,

  handshake: (config, query) => hubHandshake(config.verifyToken, query),

  verify: (config, request) =>
    verifyHubSignature(config.appSecret, request.rawBody, request.headers.get('x-hub-signature-256')),

  parse(config, request) {
    const body = JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as unknown;
    return eventsOf(config.pageId, PageDelivery.parse(body));
  },

  async send(config, message, context) {
    const requests = requestsFor(message);
    if (requests.length === 0) throw new ChannelSendError('The message has neither text nor files', false);
    let mid = '';
    // In order, so a file never arrives before the text that introduces it. The Send API has no
    // idempotency key: a retry after a later request failed sends the earlier parts again. The
    // last mid stands for the message: Messenger delivers in order, so its receipt covers the rest.
    for (const body of requests) mid = await postMessage(config, body, context);
    return { externalId: mid };
  },

  // payload.url is a signed CDN link to the file itself, valid for a while.
  async fetchMedia(_config, ref, context) {
    const response = await context.fetch(ref);
    if (!response.ok) {
      // A link that expired or never was stays that way; only Meta's own failures may pass.
      throw new ChannelSendError(
        `Messenger attachment ${new URL(ref).pathname}: ${response.status}`,
        response.status === 429 || response.status >= 500,
      );
    }
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    };
  },
});
