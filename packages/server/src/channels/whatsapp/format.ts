// The parts of the WhatsApp Cloud API's wire format we read: the `messages` webhook
// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages)
// and the Graph API's answers. Objects are loose: Meta adds fields without notice, and a field we
// do not read must never turn a delivery away.
import { z } from 'zod';

const MediaObject = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

const Reply = z.looseObject({ id: z.string(), title: z.string() });

export const WebhookMessage = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  /** Unix seconds, as a string. */
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: MediaObject.optional(),
  document: MediaObject.optional(),
  audio: MediaObject.optional(),
  video: MediaObject.optional(),
  sticker: MediaObject.optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: Reply.optional(),
      list_reply: Reply.optional(),
    })
    .optional(),
  /** A template's quick-reply button. */
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }).optional(),
  reaction: z.looseObject({ emoji: z.string().optional() }).optional(),
});
export type WebhookMessage = z.infer<typeof WebhookMessage>;

export const WebhookStatus = z.looseObject({
  /** The wamid of the message we sent. */
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().optional(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.looseObject({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type WebhookStatus = z.infer<typeof WebhookStatus>;

export const WebhookPayload = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: z.string() }).optional(),
            contacts: z
              .array(
                z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string() }).optional() }),
              )
              .optional(),
            messages: z.array(WebhookMessage).optional(),
            statuses: z.array(WebhookStatus).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** `POST /{phone-number-id}/messages` accepted the message. */
export const SendResponse = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
});

/** `GET /{media-id}`: where to download the file, for the next five minutes. */
export const MediaResponse = z.looseObject({
  url: z.url({ protocol: /^https?$/ }),
  mime_type: z.string().optional(),
});

/** `GET /{waba-id}/message_templates`. */
export const TemplatesResponse = z.looseObject({
  data: z.array(
    z.looseObject({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string().optional(),
      components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).default([]),
    }),
  ),
  paging: z.looseObject({ next: z.url().optional() }).optional(),
});
export type TemplatesResponse = z.infer<typeof TemplatesResponse>;

/** What the Graph API answers a refused call with. */
export const GraphError = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
  }),
});
export type GraphError = z.infer<typeof GraphError>;
