// The WhatsApp Cloud API channel (docs/channels/whatsapp.md). Each job lives in its own file;
// this only puts them behind the one adapter interface.
import { defineAdapter } from '../adapter.js';
import { WhatsAppConfig } from './config.js';
import { answerHandshake } from './handshake.js';
import { fetchMedia } from './media.js';
import { parseDelivery } from './parse.js';
import { whatsappRecipient } from './recipient.js';
import { sendMessage } from './send.js';
import { verifyHubSignature } from '../meta/hub.js';
import { listTemplates } from './templates.js';
import { windowBlocks } from './window.js';

export const whatsappChannel = defineAdapter<WhatsAppConfig>({
  channel: 'whatsapp',
  config: WhatsAppConfig,
  handshake: (config, query) => answerHandshake(config.verifyToken, query),
  verify: (config, request) =>
    verifyHubSignature(config.appSecret, request.rawBody, request.headers.get('x-hub-signature-256')),
  parse: (config, request) => parseDelivery(config, request.rawBody),
  send: sendMessage,
  fetchMedia,
  recipient: whatsappRecipient,
  freeFormBlocked: windowBlocks,
  templates: listTemplates,
});
