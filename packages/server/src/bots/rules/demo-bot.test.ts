import { describe, expect, it } from 'vitest';
import { demoBotConfig } from './demo-bot.js';
import { bestRule, runRules } from './engine.js';
import { normalize } from './text.js';

const config = demoBotConfig();
const topic = (text: string) => bestRule(config.rules, normalize(text))?.id ?? null;

describe('demo bot', () => {
  it('routes every quick reply to a rule', () => {
    const values = [...config.greeting.quickReplies, ...config.rules.flatMap((rule) => rule.quickReplies)];
    for (const { value } of values) expect(topic(value), value).not.toBeNull();
  });

  it('answers typical shop questions with the right rule', () => {
    expect(topic('How much does shipping cost?')).toBe('shipping');
    expect(topic('Can I return my order?')).toBe('returns');
    expect(topic('Are you open on Saturday?')).toBe('opening-hours');
    expect(topic('I forgot my password')).toBe('reset-password');
    expect(topic("Where's my order?")).toBe('order-status');
    expect(topic('My parcel has not arrived')).toBe('order-status');
  });

  it('takes an order number, then hands off with it', () => {
    const contact = { name: null, email: 'ada@example.com', attributes: {} };
    const asked = runRules(config, null, { text: 'Where is my order?', contact });
    expect(asked.decision.replies.at(-1)?.text).toMatch(/order number/);
    const retried = runRules(config, asked.state, { text: '12', contact });
    expect(retried.decision.handoff).toBeUndefined();
    const done = runRules(config, retried.state, { text: 'a123456', contact });
    expect(done.decision.collected).toEqual({ orderNumber: 'a123456' });
    expect(done.decision.handoff?.summary).toContain('orderNumber=a123456');
  });
});
