import type { Conversation, CsatSubmission } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { conversation } from '../testing/factories.js';
import { createRater, validateRating } from './rating.js';

describe('validateRating', () => {
  it('accepts a whole score from 1 to 5 with or without a comment', () => {
    for (const score of [1, 2, 3, 4, 5]) expect(validateRating(score, undefined)).toBeNull();
    expect(validateRating(4, 'x'.repeat(1000))).toBeNull();
    // Trimmed first, as the server does.
    expect(validateRating(4, ` ${'x'.repeat(1000)} `)).toBeNull();
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses the score %s, naming the field', (score) => {
    expect(validateRating(score, undefined)).toMatchObject({
      code: 'invalid_payload',
      issues: [{ path: 'score' }],
    });
  });

  it('refuses a comment over 1000 characters, naming the field', () => {
    expect(validateRating(3, 'x'.repeat(1001))).toMatchObject({
      code: 'invalid_payload',
      issues: [{ path: 'comment' }],
    });
  });
});

describe('createRater', () => {
  const resolved = conversation('c1', { status: 'resolved' });
  const rated: Conversation = {
    ...resolved,
    csat: { score: 4, comment: 'Kind', ratedAt: '2025-01-01T00:05:00.000Z' },
  };

  function setup(current: Conversation | null = resolved) {
    const request = vi.fn((_submission: CsatSubmission) => Promise.resolve(rated));
    const onRated = vi.fn();
    const rate = createRater({ conversation: () => Promise.resolve(current), request, onRated });
    return { rate, request, onRated };
  }

  it('sends the score and the trimmed comment, and applies the rated conversation', async () => {
    const { rate, request, onRated } = setup();
    await expect(rate(4, '  Kind ')).resolves.toBe(rated);
    expect(request).toHaveBeenCalledWith({ conversationId: 'c1', score: 4, comment: 'Kind' });
    expect(onRated).toHaveBeenCalledWith(rated);
  });

  it('leaves a blank comment out of the (strict) payload', async () => {
    const { rate, request } = setup();
    await rate(5, '   ');
    await rate(5);
    expect(request.mock.calls.map(([submission]) => submission)).toEqual([
      { conversationId: 'c1', score: 5 },
      { conversationId: 'c1', score: 5 },
    ]);
  });

  it('refuses an invalid rating, or one without a conversation, without sending anything', async () => {
    const invalid = setup();
    await expect(invalid.rate(9)).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(invalid.request).not.toHaveBeenCalled();

    const none = setup(null);
    const error = await none.rate(3).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({ code: 'not_found' });
    expect(none.request).not.toHaveBeenCalled();
  });

  it('passes a refusal on and applies nothing', async () => {
    const { rate, request, onRated } = setup();
    request.mockRejectedValueOnce(new SwitchboardError('conflict', 'The conversation is already rated'));
    await expect(rate(2)).rejects.toMatchObject({ code: 'conflict' });
    expect(onRated).not.toHaveBeenCalled();
  });
});
