import { describe, expect, it } from 'vitest';
import { answer, createFaq, FAQ, TALK_TO_A_HUMAN } from './faq.js';

describe('answer', () => {
  it.each([
    ['How long does shipping take?', 'shipping'],
    ['I want a REFUND for my order', 'returns'],
    ['What are your opening hours?', 'hours'],
    ['how much does it cost', 'prices'],
    ['I forgot my password', 'password'],
    ['Hello!', 'greeting'],
  ])('answers %j from the %s entry', (text, entryId) => {
    const result = answer(text);
    expect(result).toMatchObject({ kind: 'answer', entryId });
    if (result.kind === 'answer') {
      expect(result.text).toBe(FAQ.find((entry) => entry.id === entryId)?.text);
      expect(result.quickReplies).toContainEqual(TALK_TO_A_HUMAN);
    }
  });

  it('picks the entry with the most keyword hits', () => {
    expect(answer('Hi, how long does delivery of my parcel take?')).toMatchObject({ entryId: 'shipping' });
  });

  it('matches whole words only', () => {
    // "hi" is inside "shipping" and "this", but the visitor did not say hi.
    expect(answer('this thing')).toEqual({ kind: 'unknown' });
    expect(answer('Shipping?')).toMatchObject({ entryId: 'shipping' });
  });

  it.each([
    'Can I talk to a human?',
    'AGENT please',
    'I want a real person',
    'let me speak to someone',
    'Get me a representative.',
  ])('hands %j to a person, quoting it in the summary', (text) => {
    const result = answer(text);
    expect(result).toMatchObject({ kind: 'handoff', reason: 'visitor_request' });
    if (result.kind === 'handoff') expect(result.summary).toContain(`"${text}"`);
  });

  it('puts a request for a person before any FAQ answer', () => {
    expect(answer('Shipping is late, I need a human')).toMatchObject({ kind: 'handoff' });
  });

  it('does not know everything', () => {
    expect(answer('Is the blue one in stock?')).toEqual({ kind: 'unknown' });
    expect(answer('   ')).toEqual({ kind: 'unknown' });
  });
});

describe('createFaq', () => {
  it('hands off after two unknowns in a row, with both questions in the summary', () => {
    const faq = createFaq();
    expect(faq.respond('c1', 'Is the blue one in stock?')).toEqual({ kind: 'unknown' });
    expect(faq.respond('c1', 'Do you sell gift cards?')).toEqual({
      kind: 'handoff',
      reason: 'fallback_limit',
      summary:
        'The bot could not answer 2 questions in a row: "Is the blue one in stock?", "Do you sell gift cards?"',
    });
    // The count starts over after a handoff.
    expect(faq.respond('c1', 'Still there?')).toEqual({ kind: 'unknown' });
  });

  it('counts misses in a row only: an answer in between starts over', () => {
    const faq = createFaq();
    faq.respond('c1', 'Is the blue one in stock?');
    expect(faq.respond('c1', 'How do returns work?')).toMatchObject({ kind: 'answer', entryId: 'returns' });
    expect(faq.respond('c1', 'Do you sell gift cards?')).toEqual({ kind: 'unknown' });
  });

  it('counts each conversation on its own', () => {
    const faq = createFaq();
    faq.respond('c1', 'Is the blue one in stock?');
    expect(faq.respond('c2', 'Do you sell gift cards?')).toEqual({ kind: 'unknown' });
    expect(faq.respond('c1', 'Do you sell gift cards?')).toMatchObject({ kind: 'handoff' });
  });

  it('forgets a conversation, and keeps only conversations with a miss on record', () => {
    const faq = createFaq();
    faq.respond('c1', 'Is the blue one in stock?');
    faq.respond('c2', 'Is the red one in stock?');
    faq.respond('c3', 'Hello');
    expect(faq.tracked).toBe(2);
    faq.forget('c1');
    expect(faq.tracked).toBe(1);
    expect(faq.respond('c1', 'Do you sell gift cards?')).toEqual({ kind: 'unknown' });
  });

  it('takes its own entries and limit', () => {
    const faq = createFaq({
      faq: [{ id: 'cats', keywords: ['cat'], text: 'Meow.', quickReplies: [] }],
      missesBeforeHandoff: 1,
    });
    expect(faq.respond('c1', 'A cat?')).toEqual({
      kind: 'answer',
      entryId: 'cats',
      text: 'Meow.',
      quickReplies: [],
    });
    expect(faq.respond('c1', 'Shipping?')).toMatchObject({ kind: 'handoff', reason: 'fallback_limit' });
  });
});
