import { describe, expect, it } from 'vitest';
import type { OutboundFile, OutboundMessage } from '../adapter.js';
import { composeMessages } from './compose.js';

const base: OutboundMessage = {
  messageId: 'm1',
  conversationId: 'c1',
  to: '491512345678',
  text: 'Hello',
  quickReplies: [],
  cards: [],
  attachments: [],
  thread: { subject: null, references: [] },
  senderName: 'Grace',
};
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '491512345678' };

const file = (name: string, contentType: string, kind: OutboundFile['kind']): OutboundFile => ({
  name,
  contentType,
  kind,
  size: 10,
  url: `https://chat.example.com/v1/attachments/${name}?key=k`,
  read: () => Promise.resolve(new Uint8Array()),
});

describe('composeMessages', () => {
  it('sends text, with link previews only when there is a link', () => {
    expect(composeMessages(base)).toEqual([
      { ...envelope, type: 'text', text: { body: 'Hello', preview_url: false } },
    ]);
    expect(composeMessages({ ...base, text: 'See https://example.com' })[0]).toMatchObject({
      text: { preview_url: true },
    });
  });

  it('turns up to three short quick replies into reply buttons, and lists more in the text', () => {
    const replies = [
      { label: 'Shipping', value: 'How long does shipping take?' },
      { label: 'Returns', value: 'How do returns work?' },
    ];
    expect(composeMessages({ ...base, quickReplies: replies })).toEqual([
      {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Hello' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'How long does shipping take?', title: 'Shipping' } },
              { type: 'reply', reply: { id: 'How do returns work?', title: 'Returns' } },
            ],
          },
        },
      },
    ]);
    const four = [...replies, { label: 'Hours', value: 'Hours' }, { label: 'Human', value: 'Human' }];
    const tooLong = [{ label: 'A label longer than twenty', value: 'x' }];
    for (const quickReplies of [four, tooLong]) {
      const [only] = composeMessages({ ...base, quickReplies });
      expect(only?.type).toBe('text');
      expect((only?.text as { body: string }).body).toBe(
        `Hello\n\n${quickReplies.map((r) => `• ${r.label}`).join('\n')}`,
      );
    }
  });

  it('writes cards as text lines with their links', () => {
    const [message] = composeMessages({
      ...base,
      text: 'Try these:',
      cards: [
        { title: 'Ridge 2P tent', subtitle: '1.4 kg', price: '€249', url: 'https://shop.example.com/ridge' },
        { title: 'Stove' },
      ],
    });
    expect(message?.text).toEqual({
      body: 'Try these:\n\n*Ridge 2P tent* · €249\n1.4 kg\nhttps://shop.example.com/ridge\n\n*Stove*',
      preview_url: true,
    });
  });

  it('sends one request per file, with the text as caption of a single one', () => {
    const photo = file('dot.png', 'image/png', 'image');
    expect(composeMessages({ ...base, attachments: [photo] })).toEqual([
      { ...envelope, type: 'image', image: { link: photo.url, caption: 'Hello' } },
    ]);
    const pdf = file('invoice.pdf', 'application/pdf', 'document');
    const gif = file('fun.gif', 'image/gif', 'image');
    expect(composeMessages({ ...base, attachments: [pdf, gif] })).toEqual([
      { ...envelope, type: 'text', text: { body: 'Hello', preview_url: false } },
      { ...envelope, type: 'document', document: { link: pdf.url, filename: 'invoice.pdf' } },
      // WhatsApp shows only JPEG and PNG as images.
      { ...envelope, type: 'document', document: { link: gif.url, filename: 'fun.gif' } },
    ]);
  });

  it('sends an approved template with its body parameters', () => {
    expect(
      composeMessages({
        ...base,
        template: { name: 'order_update', language: 'en_US', parameters: ['Ada', '#1042'] },
      }),
    ).toEqual([
      {
        ...envelope,
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ada' },
                { type: 'text', text: '#1042' },
              ],
            },
          ],
        },
      },
    ]);
  });
});
