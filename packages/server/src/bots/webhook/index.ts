export { createWebhookBot, MESSAGE_CREATED, type WebhookBotDeps } from './adapter.js';
export { deliverSigned, MAX_RESPONSE_BYTES, type DeliveryResult, type SignedDelivery } from './deliver.js';
export { signPayload, verifySignature, type VerifyOptions } from './signature.js';
