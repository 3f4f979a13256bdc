// Deliveries shaped as Meta's `messages` webhook reference documents them.
import { describe, expect, it } from 'vitest';
import { WhatsAppConfig } from './config.js';
import { parseDelivery } from './parse.js';

const config = WhatsAppConfig.parse({
  appSecret: 'app-secret-from-meta',
  verifyToken: 'my-verify-token',
  accessToken: 'EAAJB-permanent-token',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
});

const delivery = (value: Record<string, unknown>, phoneNumberId = config.phoneNumberId) =>
  Buffer.from(
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
                ...value,
              },
            },
          ],
        },
      ],
    }),
  );

const from = (message: Record<string, unknown>) =>
  delivery({
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
    messages: [{ from: '16505551234', id: 'wamid.IN1', timestamp: '1749416383', ...message }],
  });

describe('parseDelivery', () => {
  it('reads a text message with the sender’s profile name and number', () => {
    expect(
      parseDelivery(config, from({ type: 'text', text: { body: 'Does it come in another color?' } })),
    ).toEqual([
      {
        kind: 'message',
        externalId: 'wamid.IN1',
        address: '16505551234',
        profile: { name: 'Sheena Nelson', phone: '+16505551234' },
        text: 'Does it come in another color?',
        sentAt: 1749416383000,
      },
    ]);
  });

  it('turns media into references to download, with the caption as text', () => {
    const [image] = parseDelivery(
      config,
      from({ type: 'image', image: { id: '1003383421387256', mime_type: 'image/jpeg', caption: 'The box' } }),
    );
    expect(image).toMatchObject({
      text: 'The box',
      media: [
        { source: 'remote', ref: '1003383421387256', name: 'whatsapp-image.jpg', contentType: 'image/jpeg' },
      ],
    });
    const [document] = parseDelivery(
      config,
      from({
        type: 'document',
        document: { id: '42', filename: 'invoice.pdf', mime_type: 'application/pdf' },
      }),
    );
    expect(document).toMatchObject({ text: '', media: [{ ref: '42', name: 'invoice.pdf' }] });
    const [voice] = parseDelivery(
      config,
      from({ type: 'audio', audio: { id: '7', mime_type: 'audio/ogg; codecs=opus' } }),
    );
    expect(voice).toMatchObject({ media: [{ ref: '7', name: 'whatsapp-audio.ogg' }] });
  });

  it('makes locations, button and list replies and template buttons readable', () => {
    const texts = [
      {
        type: 'location',
        location: { latitude: 52.52, longitude: 13.405, name: 'Shop', address: 'Main St 1' },
      },
      {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'ship', title: 'Shipping' } },
      },
      {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'r', title: 'Returns', description: 'x' } },
      },
      { type: 'button', button: { text: 'Talk to an agent', payload: 'agent' } },
      { type: 'sticker_pack_of_the_future' },
    ].map((message) => parseDelivery(config, from(message))[0]);
    expect(texts.map((event) => (event?.kind === 'message' ? event.text : null))).toEqual([
      '📍 Shop, Main St 1 (52.52, 13.405)\nhttps://www.openstreetmap.org/?mlat=52.52&mlon=13.405',
      'Shipping',
      'Returns',
      'Talk to an agent',
      '[a WhatsApp sticker_pack_of_the_future message, which Switchboard cannot show]',
    ]);
  });

  it('maps statuses onto delivery states, with the reason of a failure', () => {
    const events = parseDelivery(
      config,
      delivery({
        statuses: [
          { id: 'wamid.OUT', status: 'sent', timestamp: '1749416400', recipient_id: '16505551234' },
          { id: 'wamid.OUT', status: 'read', timestamp: '1749416500', recipient_id: '16505551234' },
          { id: 'wamid.OUT', status: 'deleted', timestamp: '1749416600', recipient_id: '16505551234' },
          {
            id: 'wamid.OUT2',
            status: 'failed',
            timestamp: '1749416700',
            recipient_id: '16505551234',
            errors: [
              {
                code: 131047,
                title: 'Re-engagement message',
                message: 'Re-engagement message',
                error_data: { details: 'Message failed to send because more than 24 hours have passed.' },
              },
            ],
          },
        ],
      }),
    );
    expect(events).toEqual([
      { kind: 'status', externalId: 'wamid.OUT:sent', messageExternalId: 'wamid.OUT', state: 'sent' },
      { kind: 'status', externalId: 'wamid.OUT:read', messageExternalId: 'wamid.OUT', state: 'read' },
      {
        kind: 'status',
        externalId: 'wamid.OUT2:failed',
        messageExternalId: 'wamid.OUT2',
        state: 'failed',
        error:
          'Re-engagement message (131047): Message failed to send because more than 24 hours have passed.',
      },
    ]);
  });

  it('ignores another number’s traffic and other webhook fields', () => {
    const text = from({ type: 'text', text: { body: 'hi' } }).toString();
    expect(parseDelivery(config, Buffer.from(text))).toHaveLength(1);
    expect(parseDelivery(config, Buffer.from(text.replace(config.phoneNumberId, '999')))).toEqual([]);
    const templateUpdate = text.replace('"field":"messages"', '"field":"message_template_status_update"');
    expect(parseDelivery(config, Buffer.from(templateUpdate))).toEqual([]);
  });

  it('refuses a body that is not a WhatsApp delivery', () => {
    expect(() => parseDelivery(config, Buffer.from('{"object":"page","entry":[]}'))).toThrow();
    expect(() => parseDelivery(config, Buffer.from('not json'))).toThrow();
  });
});
