import { describe, expect, it } from 'vitest';
import { BotMessagePayload, BotReply, BotRule } from './bot.js';
import { Card, Message } from './message.js';

const ok = (card: unknown) => Card.safeParse(card).success;

describe('Card', () => {
  it('takes a full card, and https or server-relative images and links', () => {
    expect(
      ok({
        title: 'Ridge 2P tent',
        subtitle: 'Three seasons',
        imageUrl: 'https://shop.example/tent.png',
        price: '€249',
        url: 'http://shop.example/tents?x=1#top',
      }),
    ).toBe(true);
    expect(ok({ title: 'Tent', imageUrl: '/images/tent.svg', url: '/#tents' })).toBe(true);
  });

  it('refuses dangerous or ambiguous URLs', () => {
    const bad = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      '//evil.example/x',
      '/\\evil.example/x',
      '/images/a b.png',
      'tent.png',
      'ftp://shop.example/x',
    ];
    for (const url of bad) {
      expect(ok({ title: 'X', url }), url).toBe(false);
      expect(ok({ title: 'X', imageUrl: url }), url).toBe(false);
    }
    expect(ok({ title: 'X', imageUrl: 'data:image/png;base64,AAAA' })).toBe(false);
    // Images are https only: a plain-http image would be mixed content on most sites.
    expect(ok({ title: 'X', imageUrl: 'http://shop.example/x.png' })).toBe(false);
    expect(ok({ title: 'X', url: `https://shop.example/${'a'.repeat(2048)}` })).toBe(false);
  });

  it('bounds the text fields', () => {
    expect(ok({ title: '' })).toBe(false);
    expect(ok({ title: '   ' })).toBe(false);
    expect(ok({ title: 'x'.repeat(81) })).toBe(false);
    expect(ok({ title: 'x', subtitle: 'x'.repeat(201) })).toBe(false);
    expect(ok({ title: 'x', price: 'x'.repeat(41) })).toBe(false);
    expect(ok({ title: 'x', onclick: 'alert(1)' })).toBe(false);
  });

  it('defaults cards to [] on messages, bot replies, REST replies and rules, at most 10', () => {
    expect(BotReply.parse({ text: 'Hi' }).cards).toEqual([]);
    expect(BotRule.parse({ id: 'a', keywords: ['a'], answer: 'A' }).cards).toEqual([]);
    const payload = { conversationId: 'c1', text: 'Hi', clientMessageId: '01JGZ0000000000000000000AA' };
    expect(BotMessagePayload.parse(payload).cards).toEqual([]);
    expect(
      BotMessagePayload.safeParse({ ...payload, cards: [{ title: 'X', url: 'javascript:x' }] }).success,
    ).toBe(false);
    expect(BotReply.safeParse({ text: 'Hi', cards: Array(11).fill({ title: 'X' }) }).success).toBe(false);
    const stored = {
      id: 'm1',
      conversationId: 'c1',
      clientMessageId: '01JGZ0000000000000000000AA',
      seq: 1,
      authorKind: 'bot',
      authorId: null,
      kind: 'text',
      text: 'Hi',
      quickReplies: [],
      form: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(Message.parse(stored).cards).toEqual([]);
  });
});
