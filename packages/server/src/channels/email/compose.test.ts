import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../adapter.js';
import { composeMail, textBody } from './compose.js';
import type { EmailConfig } from './config.js';

const CONFIG: EmailConfig = {
  mimeSecret: 'a-long-enough-mime-secret',
  smtpUrl: 'smtp://127.0.0.1:2525',
  fromAddress: 'support@acme.example',
  fromName: 'Acme Support',
};

const message = (
  thread: OutboundMessage['thread'],
  extra: Partial<OutboundMessage> = {},
): OutboundMessage => ({
  messageId: '01JX4Z3M5Q8J6T3V2W0Y9K7B1C',
  conversationId: 'c1',
  to: 'ada@example.com',
  text: 'Hi Ada',
  quickReplies: [],
  cards: [],
  attachments: [],
  thread,
  senderName: 'Grace',
  ...extra,
});

describe('composeMail', () => {
  it('answers the latest message of the thread and references all of it', () => {
    const mail = composeMail(CONFIG, message({ subject: 'Order 42', references: ['<a@x>', '<b@acme>'] }), []);
    expect(mail).toMatchObject({
      from: { name: 'Grace (Acme Support)', address: 'support@acme.example' },
      to: 'ada@example.com',
      subject: 'Re: Order 42',
      messageId: '<01JX4Z3M5Q8J6T3V2W0Y9K7B1C@acme.example>',
      inReplyTo: '<b@acme>',
      references: ['<a@x>', '<b@acme>'],
    });
  });

  it('starts a thread with the subject as it is, and no reply headers', () => {
    const mail = composeMail(CONFIG, message({ subject: 'Your order shipped', references: [] }), []);
    expect(mail.subject).toBe('Your order shipped');
    expect(mail).not.toHaveProperty('inReplyTo');
    expect(mail).not.toHaveProperty('references');
  });

  it('keeps the first and the latest ids of a long thread', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    const references = composeMail(CONFIG, message({ subject: 's', references: ids }), []).references;
    expect(references).toEqual([ids[0], ...ids.slice(11)]);
  });
});

describe('textBody', () => {
  it('writes quick replies as a list to answer with, and cards as blocks', () => {
    const text = textBody({
      text: 'What can I help with?',
      quickReplies: [
        { label: 'Shipping', value: 'shipping' },
        { label: 'Returns', value: 'returns' },
      ],
      cards: [{ title: 'Blue kettle', price: '$49', url: 'https://shop.example/kettle' }],
    });
    expect(text).toBe(
      'What can I help with?\n\nYou can reply with:\n- Shipping\n- Returns\n\nBlue kettle\n$49\nhttps://shop.example/kettle\n',
    );
  });
});
