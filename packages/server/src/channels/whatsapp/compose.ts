// What an agent's or bot's message becomes on WhatsApp: the Graph API message bodies to POST, in
// order. WhatsApp has no cards and at most three reply buttons, so cards become text lines with
// their links, and quick replies become buttons only where WhatsApp's limits allow.
import type { Card, QuickReply } from '@switchboard/protocol';
import type { OutboundFile, OutboundMessage } from '../adapter.js';
import { templateObject } from './templates.js';

export interface GraphMessage {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  type: 'text' | 'interactive' | 'template' | 'image' | 'document' | 'audio' | 'video';
  [body: string]: unknown;
}

/** WhatsApp's limits for reply buttons and for captions and interactive bodies. */
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_BUTTON_ID = 256;
const MAX_SHORT_BODY = 1024;

/** The types WhatsApp accepts per media kind; anything else goes as a document. */
const MEDIA_TYPES: Record<Exclude<OutboundFile['kind'], 'document'>, readonly string[]> = {
  image: ['image/jpeg', 'image/png'],
  video: ['video/mp4', 'video/3gpp'],
  audio: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
};

export function composeMessages(message: OutboundMessage): GraphMessage[] {
  const envelope = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
  } as const;
  if (message.template)
    return [{ ...envelope, type: 'template', template: templateObject(message.template) }];

  const text = [message.text.trim(), ...message.cards.map(cardText)].filter(Boolean).join('\n\n');
  const buttons = text.length <= MAX_SHORT_BODY ? replyButtons(message.quickReplies) : null;
  const body = buttons ? text : [text, listedReplies(message.quickReplies)].filter(Boolean).join('\n\n');
  const media = message.attachments.map((file) => ({ type: mediaType(file), file }));

  // One file and a short text without buttons: the text rides along as the caption.
  const [only] = media;
  if (only && media.length === 1 && only.type !== 'audio' && !buttons && body.length <= MAX_SHORT_BODY)
    return [{ ...envelope, type: only.type, [only.type]: mediaObject(only.type, only.file, body) }];

  const first: GraphMessage[] = buttons
    ? [
        {
          ...envelope,
          type: 'interactive',
          interactive: { type: 'button', body: { text }, action: { buttons } },
        },
      ]
    : body
      ? [{ ...envelope, type: 'text', text: { body, preview_url: /https?:\/\//.test(body) } }]
      : [];
  return [
    ...first,
    ...media.map(({ type, file }): GraphMessage => ({
      ...envelope,
      type,
      [type]: mediaObject(type, file, ''),
    })),
  ];
}

function replyButtons(replies: readonly QuickReply[]) {
  const fits =
    replies.length > 0 &&
    replies.length <= MAX_BUTTONS &&
    new Set(replies.map((r) => r.label)).size === replies.length &&
    new Set(replies.map((r) => r.value)).size === replies.length &&
    replies.every((r) => r.label.length <= MAX_BUTTON_TITLE && r.value.length <= MAX_BUTTON_ID);
  return fits ? replies.map((r) => ({ type: 'reply', reply: { id: r.value, title: r.label } })) : null;
}

/** Customers answer by writing the option, which bots and agents understand as typed. */
function listedReplies(replies: readonly QuickReply[]): string {
  return replies.map((reply) => `• ${reply.label}`).join('\n');
}

function cardText(card: Card): string {
  return [`*${card.title}*${card.price ? ` · ${card.price}` : ''}`, card.subtitle, card.url]
    .filter(Boolean)
    .join('\n');
}

function mediaType(file: OutboundFile): GraphMessage['type'] & OutboundFile['kind'] {
  if (file.kind === 'document') return 'document';
  const contentType = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return MEDIA_TYPES[file.kind].includes(contentType) ? file.kind : 'document';
}

function mediaObject(type: OutboundFile['kind'], file: OutboundFile, caption: string) {
  return {
    link: file.url,
    // WhatsApp shows no caption under audio, and names only documents.
    ...(caption && type !== 'audio' && { caption }),
    ...(type === 'document' && { filename: file.name }),
  };
}
