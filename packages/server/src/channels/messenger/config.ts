// A Facebook Page's Messenger settings (docs/channels/messenger.md) and the Graph API's URLs.
import { z } from 'zod';
import { graphConfigFields } from '../meta/graph-config.js';

export const MessengerConfig = z.strictObject({
  /** The Meta app's secret: it signs every webhook delivery (X-Hub-Signature-256). */
  appSecret: z.string().min(16, 'the app secret from App settings › Basic'),
  /** Any string of ours; Meta sends it back once, in the GET handshake, when the webhook is set up. */
  verifyToken: z.string().min(8, 'use a verify token of at least 8 characters'),
  /** The Page access token that sends as the Page. */
  pageAccessToken: z.string().min(1),
  /** The Page's id: deliveries for other Pages of the same app are not this account's. */
  pageId: z.string().regex(/^\d+$/, 'the numeric Page id'),
  ...graphConfigFields,
});
export type MessengerConfig = z.infer<typeof MessengerConfig>;

/** The Send API, with the Page token as Meta documents it. Holds the token: never log it. */
export const sendApiUrl = (config: MessengerConfig) =>
  `${config.graphBaseUrl}/${config.apiVersion}/me/messages?access_token=${encodeURIComponent(config.pageAccessToken)}`;
