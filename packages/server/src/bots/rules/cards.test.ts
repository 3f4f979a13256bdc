import { RulesBotConfig } from '@switchboard/protocol/schemas';
import { describe, expect, it } from 'vitest';
import { demoBotConfig } from './demo-bot.js';
import { runRules } from './engine.js';

const contact = { name: null, email: null, attributes: {} };
const card = { title: 'Ridge 2P tent', price: '€249', url: '/#tents' };

describe('rules bot cards', () => {
  it("shows a rule's cards under its answer", () => {
    const config = RulesBotConfig.parse({
      kind: 'rules',
      greeting: { text: 'Hi!' },
      rules: [{ id: 'tents', keywords: ['tent'], answer: 'Our tents:', cards: [card] }],
    });
    const { decision } = runRules(config, null, { text: 'Do you sell a tent?', contact });
    expect(decision.replies).toEqual([expect.objectContaining({ text: 'Our tents:', cards: [card] })]);
  });

  it('keeps cards when the answer hands off, and adds none to other messages', () => {
    const config = RulesBotConfig.parse({
      kind: 'rules',
      greeting: { text: 'Hi!' },
      rules: [{ id: 'tents', keywords: ['tent'], answer: 'Our tents:', cards: [card], handoff: true }],
    });
    const { decision } = runRules(config, null, { text: 'tent', contact });
    expect(decision.handoff).toBeDefined();
    expect(decision.replies.map((r) => r.cards)).toEqual([[card], []]);
    expect(decision.replies.map((r) => r.quickReplies)).toEqual([[], []]);
  });

  it("the demo bot answers a price question with the shop's two products", () => {
    const { decision } = runRules(demoBotConfig(), null, { text: 'How much is a tent?', contact });
    const cards = decision.replies[0]?.cards ?? [];
    expect(cards.map((c) => [c.title, c.price])).toEqual([
      ['Ridge 2P tent', '€249'],
      ['Trail 38 pack', '€129'],
    ]);
    expect(cards.every((c) => c.imageUrl?.startsWith('/images/'))).toBe(true);
  });
});
