import { describe, expect, it } from 'vitest';
import { BotFailure } from '../types.js';
import { toOutcome } from './outcome.js';

const URL = 'https://bot.example/hook';
const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body), truncated: false, attempts: 1 });

describe('toOutcome', () => {
  it('passes cards through, and gives replies without cards an empty list', () => {
    const card = { title: 'Ridge 2P tent', price: '€249', url: 'https://shop.example/tents' };
    const outcome = toOutcome(
      ok({ replies: [{ text: 'Tents:', cards: [card] }, { text: 'Anything else?' }] }),
      URL,
    );
    expect(outcome).toEqual({
      kind: 'answered',
      decision: {
        replies: [
          { text: 'Tents:', quickReplies: [], cards: [card] },
          { text: 'Anything else?', quickReplies: [], cards: [] },
        ],
      },
    });
  });

  it('reports a card with an unsafe URL as the bot’s bug', () => {
    const body = ok({ replies: [{ text: 'Hi', cards: [{ title: 'X', url: 'javascript:alert(1)' }] }] });
    expect(() => toOutcome(body, URL)).toThrow(BotFailure);
    expect(() => toOutcome(body, URL)).toThrow(/replies\.0\.cards\.0\.url/);
  });
});
