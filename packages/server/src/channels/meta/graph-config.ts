// The Graph API settings WhatsApp Cloud API and Messenger accounts share.
import { z } from 'zod';

export const graphConfigFields = {
  /** Where the Graph API lives; tests point it at a local stand-in. @default 'https://graph.facebook.com' */
  graphBaseUrl: z
    .url({ protocol: /^https?$/ })
    .default('https://graph.facebook.com')
    .transform((url) => url.replace(/\/+$/, '')),
  /** @default 'v21.0' */
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'a Graph API version such as v21.0')
    .default('v21.0'),
};
