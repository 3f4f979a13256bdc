// A WhatsApp Cloud API account's configuration (docs/channels/whatsapp.md), and where its Graph
// API calls go.
import { z } from 'zod';
import { graphConfigFields } from '../meta/graph-config.js';

const GraphId = z
  .string()
  .trim()
  .regex(/^\d{1,30}$/, 'must be the numeric id Meta shows');

export const WhatsAppConfig = z.strictObject({
  /** The Meta app's secret: the key of `X-Hub-Signature-256`. */
  appSecret: z.string().min(8),
  /** What we told Meta to send back in the GET verification handshake. */
  verifyToken: z.string().min(8),
  /** A permanent (system user) token with whatsapp_business_messaging and _management. */
  accessToken: z.string().min(8),
  /** The sending number's id (not the number itself). */
  phoneNumberId: GraphId,
  /** The WhatsApp Business Account the templates belong to. */
  wabaId: GraphId,
  ...graphConfigFields,
});
export type WhatsAppConfig = z.infer<typeof WhatsAppConfig>;

/** `{graphBaseUrl}/{apiVersion}/{path}`. */
export function graphUrl(config: WhatsAppConfig, path: string): string {
  return `${config.graphBaseUrl}/${config.apiVersion}/${path}`;
}
