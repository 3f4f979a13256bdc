// The demo site's bot. The config lives here as code because `tsc` does not copy YAML into dist/;
// demo-bot.yaml is the same config as a documented example for users, and a test keeps the two equal.
import { fileURLToPath } from 'node:url';
import { RulesBotConfig } from '@switchboard/protocol/schemas';
import type { z } from 'zod';

/** The documented example file (present in a source checkout, not in the published package). */
export const DEMO_BOT_CONFIG_PATH = fileURLToPath(new URL('./demo-bot.yaml', import.meta.url));

const DEMO_BOT: z.input<typeof RulesBotConfig> = {
  kind: 'rules',
  name: 'Switchboard demo shop',
  greeting: {
    text: "Hi! I'm the Switchboard demo shop's assistant. Ask me about shipping, returns, opening hours, prices, your password or your order.",
    keywords: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening'],
    quickReplies: [
      { label: 'Shipping', value: 'How long does shipping take?' },
      { label: 'Returns', value: 'How do returns work?' },
      { label: 'Opening hours', value: 'What are your opening hours?' },
    ],
  },
  rules: [
    {
      id: 'shipping',
      keywords: [
        'shipping',
        'shipping cost',
        'delivery',
        'deliver',
        'ship',
        'dispatch',
        'postage',
        'how long',
      ],
      answer:
        'We ship within one business day. Standard delivery takes 2–4 business days and is free over €50 (€4.90 otherwise); express delivery takes 1–2 business days for €9.90.',
      quickReplies: [{ label: 'Where is my order?', value: 'Where is my order?' }],
    },
    {
      id: 'returns',
      keywords: ['return', 'returns', 'refund', 'refunds', 'exchange', 'send back', 'send it back'],
      answer:
        'Returns are free for 60 days, no questions asked. Print a label from your account under Orders › Return, drop the parcel at any post office, and we refund you within 5 business days of receiving it.',
    },
    {
      id: 'opening-hours',
      keywords: ['opening hours', 'opening times', 'hours', 'open', 'closed', 'when are you open'],
      answer:
        'Our team is here Monday to Friday, 9:00–17:30 (Central European Time). Outside those hours, leave a message and we answer the next business day.',
    },
    {
      id: 'pricing',
      keywords: ['price', 'prices', 'pricing', 'cost', 'how much', 'discount', 'coupon', 'vat'],
      answer:
        'Prices on the site include VAT. Sign up to our newsletter for 10% off your first order; discount codes go in the basket before checkout.',
      // Relative URLs: the demo website is served by the Switchboard server itself.
      cards: [
        {
          title: 'Ridge 2P tent',
          subtitle: '1.4 kg, three seasons, sets up in two minutes.',
          imageUrl: '/images/ridge-2p-tent.svg',
          price: '€249',
          url: '/#tents',
        },
        {
          title: 'Trail 38 pack',
          subtitle: 'Ventilated back, rain cover included.',
          imageUrl: '/images/trail-38-pack.svg',
          price: '€129',
          url: '/#packs',
        },
      ],
    },
    {
      id: 'reset-password',
      keywords: ['password', 'reset password', 'forgot password', 'log in', 'login', 'sign in', 'locked out'],
      answer:
        'Choose "Forgot password?" on the sign-in page and we email you a reset link, valid for one hour. No email after 5 minutes? Check your spam folder.',
    },
    {
      id: 'order-status',
      keywords: [
        'where is my order',
        "where's my order",
        'where is my parcel',
        'where is my package',
        'order status',
        'track',
        'tracking',
        'not arrived',
        "hasn't arrived",
      ],
      answer: 'Let me have someone from our team look into your order.',
      collect: ['orderNumber'],
      handoff: true,
    },
  ],
  fields: [
    { name: 'name', prompt: "What's your name?" },
    {
      name: 'email',
      prompt: "What's your email address, in case we get cut off?",
      validate: 'email',
      retry: "That doesn't look like an email address. Could you check it?",
    },
    {
      name: 'orderNumber',
      prompt: "What's your order number? It's in your confirmation email, like A123456.",
      validate: 'pattern',
      pattern: '^[A-Za-z]?\\d{4,10}$',
      retry:
        'Order numbers are 4 to 10 digits, sometimes after a letter, like A123456. Could you check yours?',
    },
  ],
  fallback: {
    text: "Sorry, I didn't get that. I can help with shipping, returns, opening hours, prices, your password or your order.",
    limit: 2,
  },
  handoff: {
    label: 'Talk to a human',
    phrases: [
      'human',
      'agent',
      'real person',
      'talk to someone',
      'speak to someone',
      'representative',
      'operator',
      'customer service',
    ],
    text: "I'm connecting you with our team. Someone will be with you shortly.",
    collect: ['email'],
    skills: [],
  },
};

/** The demo site's bot config, validated (a fresh copy each call, so callers may not share edits). */
export function demoBotConfig(): RulesBotConfig {
  return RulesBotConfig.parse(DEMO_BOT);
}
