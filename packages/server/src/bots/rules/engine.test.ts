import { describe, expect, it } from 'vitest';
import { RulesBotConfig } from '@switchboard/protocol/schemas';
import {
  bestRule,
  COLLECTED_TEXT,
  runRules,
  type RulesInput,
  type RulesResult,
  type RulesState,
} from './engine.js';
import { handoffSummary } from './summary.js';
import { normalize } from './text.js';

const HUMAN = { label: 'Talk to a human', value: 'Talk to a human' };

const config = RulesBotConfig.parse({
  kind: 'rules',
  greeting: {
    text: 'Hello! How can I help?',
    quickReplies: [{ label: 'Shipping', value: 'How long is shipping?' }],
  },
  rules: [
    {
      id: 'shipping',
      keywords: ['shipping', 'delivery'],
      answer: 'We ship in 2 days.',
      quickReplies: [{ label: 'Track', value: 'Where is my order?' }],
    },
    { id: 'returns', keywords: ['return', 'refund'], answer: 'Returns are free for 60 days.' },
    {
      id: 'order',
      keywords: ['where is my order', 'track'],
      answer: 'Let me get someone to check.',
      collect: ['email', 'orderNumber'],
      handoff: true,
    },
    { id: 'newsletter', keywords: ['newsletter'], answer: 'Happy to sign you up.', collect: ['name'] },
    { id: 'escalate', keywords: ['complaint'], answer: 'Sorry to hear that.', handoff: true },
  ],
  fields: [
    { name: 'name', prompt: 'What is your name?' },
    { name: 'email', prompt: 'What is your email?', validate: 'email' },
    {
      name: 'orderNumber',
      prompt: 'What is your order number?',
      validate: 'pattern',
      pattern: '^[A-Za-z]?\\d{4,10}$',
      retry: 'Order numbers look like A12345.',
    },
  ],
  fallback: { text: 'Sorry, I did not get that.', limit: 2 },
  handoff: { collect: ['email'], queueId: 'q_support', skills: ['orders'] },
});

const stranger: RulesInput['contact'] = { name: null, email: null, attributes: {} };
const known: RulesInput['contact'] = { name: 'Ada', email: 'ada@example.com', attributes: {} };

/** Runs `messages` in order, threading the state; returns every turn's result. */
function converse(
  messages: string[],
  contact = stranger,
  options: { bot?: RulesBotConfig; state?: RulesState | null } = {},
): RulesResult[] {
  let state = options.state ?? null;
  return messages.map((text) => {
    const result = runRules(options.bot ?? config, state, { text, contact });
    state = result.state;
    return result;
  });
}

function last(messages: string[], contact = stranger): RulesResult {
  const results = converse(messages, contact);
  return results[results.length - 1]!;
}

const texts = (result: RulesResult) => result.decision.replies.map((reply) => reply.text);

describe('rules engine: matching', () => {
  it('normalises case, punctuation and whitespace', () => {
    expect(normalize("  Where's   my ORDER?!  ")).toBe('wheres my order');
    expect(normalize('e-mail,please')).toBe('e mail please');
  });

  it('matches keywords as whole words or phrases only', () => {
    // "this", "thistle" and "history" contain "hi"; "returned" is not "return".
    expect(texts(last(['hello', 'this is history']))).toEqual(['Sorry, I did not get that.']);
    expect(bestRule(config.rules, normalize('I returned it'))).toBeNull();
    expect(bestRule(config.rules, normalize('Where is my order?'))?.id).toBe('order');
    expect(bestRule(config.rules, normalize('where is my orders'))).toBeNull();
  });

  it('prefers more keyword hits, then the longest keyword, then the first rule', () => {
    const rules = RulesBotConfig.parse({
      kind: 'rules',
      greeting: { text: 'Hi' },
      rules: [
        { id: 'a', keywords: ['price'], answer: 'A' },
        { id: 'b', keywords: ['price', 'shipping'], answer: 'B' },
        { id: 'c', keywords: ['shipping price'], answer: 'C' },
        { id: 'd', keywords: ['cost'], answer: 'D' },
        { id: 'e', keywords: ['cost'], answer: 'E' },
      ],
    }).rules;
    expect(bestRule(rules, normalize('price of shipping'))?.id).toBe('b');
    expect(bestRule(rules, normalize('the shipping price'))?.id).toBe('b');
    expect(bestRule(rules, normalize('what is the price'))?.id).toBe('a');
    expect(bestRule(rules, normalize('what is the cost'))?.id).toBe('d');
    const longest = rules.filter((rule) => rule.id !== 'b');
    expect(bestRule(longest, normalize('the shipping price'))?.id).toBe('c');
  });
});

describe('rules engine: answers', () => {
  it('greets with the greeting quick replies and the human option', () => {
    const { decision, state } = runRules(config, null, { text: 'Hi there!', contact: stranger });
    expect(decision).toEqual({
      replies: [
        {
          text: 'Hello! How can I help?',
          quickReplies: [{ label: 'Shipping', value: 'How long is shipping?' }, HUMAN],
          cards: [],
        },
      ],
    });
    expect(state).toMatchObject({ turns: 1, misses: 0, pending: null, lastQuestion: null });
  });

  it('greets an opening message it cannot place instead of apologising', () => {
    const [first] = converse(['blorp']);
    expect(texts(first!)).toEqual(['Hello! How can I help?']);
    expect(first!.state).toMatchObject({ misses: 0, lastQuestion: 'blorp' });
  });

  it('answers an FAQ with its quick replies, then the human option', () => {
    const { decision, state } = last(['hi', 'How long does DELIVERY take?']);
    expect(decision).toEqual({
      replies: [
        {
          text: 'We ship in 2 days.',
          quickReplies: [{ label: 'Track', value: 'Where is my order?' }, HUMAN],
          cards: [],
        },
      ],
    });
    expect(state).toMatchObject({ topics: ['shipping'], lastQuestion: 'How long does DELIVERY take?' });
  });

  it('offers the human option once and keeps at most 10 quick replies', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ label: `Option ${i}`, value: `option ${i}` }));
    const bot = RulesBotConfig.parse({
      kind: 'rules',
      greeting: { text: 'Hi', quickReplies: [HUMAN, { label: 'Returns', value: 'returns' }] },
      rules: [{ id: 'many', keywords: ['menu'], answer: 'Pick one', quickReplies: many }],
    });
    const [greeting, menu] = converse(['hello', 'menu'], stranger, { bot });
    expect(greeting!.decision.replies[0]!.quickReplies).toEqual([
      { label: 'Returns', value: 'returns' },
      HUMAN,
    ]);
    const quickReplies = menu!.decision.replies[0]!.quickReplies;
    expect(quickReplies).toHaveLength(10);
    expect(quickReplies.at(-1)).toEqual(HUMAN);
    expect(quickReplies.slice(0, 9)).toEqual(many.slice(0, 9));
  });
});

describe('rules engine: asking for a human', () => {
  it('hands off at once when the collect fields are known', () => {
    const { decision, state } = last(['hi', 'Can I talk to a real person?'], known);
    expect(decision).toEqual({
      replies: [{ text: "I'm connecting you with our team.", quickReplies: [], cards: [] }],
      handoff: {
        reason: 'visitor_request',
        summary: 'Visitor asked for a person.',
        queueId: 'q_support',
        skills: ['orders'],
      },
    });
    expect(state).toMatchObject({ pending: null, misses: 0 });
  });

  it('treats the label as a request, case-insensitively, but not as a substring', () => {
    expect(last(['hi', 'TALK TO A HUMAN'], known).decision.handoff?.reason).toBe('visitor_request');
    // "agentic" is not "agent".
    expect(last(['hi', 'agentic workflows'], known).decision.handoff).toBeUndefined();
  });

  it('collects missing fields first, one at a time, then hands off with them', () => {
    const [, ask, retry, done] = converse(['hi', 'human please', 'not an email', ' ada@example.com ']);
    expect(ask!.decision).toEqual({
      replies: [{ text: 'What is your email?', quickReplies: [HUMAN], cards: [] }],
    });
    expect(ask!.state.pending).toEqual({
      fields: ['email'],
      then: { kind: 'handoff', reason: 'visitor_request' },
    });
    expect(retry!.decision).toEqual({
      replies: [
        {
          text: "That doesn't look like a valid email address. Could you check it?",
          quickReplies: [HUMAN],
          cards: [],
        },
      ],
    });
    expect(retry!.state.misses).toBe(1);
    expect(done!.decision.collected).toEqual({ email: 'ada@example.com' });
    expect(done!.decision.replies).toEqual([
      { text: "I'm connecting you with our team.", quickReplies: [], cards: [] },
    ]);
    expect(done!.decision.handoff).toMatchObject({ reason: 'visitor_request' });
    expect(done!.decision.handoff?.summary).toContain('Collected: email=ada@example.com.');
    expect(done!.state).toMatchObject({ pending: null, misses: 0 });
  });

  it('does not mistake an email containing a handoff phrase for a request', () => {
    const done = last(['hi', 'human', 'agent.smith@example.com']);
    expect(done.decision.collected).toEqual({ email: 'agent.smith@example.com' });
  });
});

describe('rules engine: rules that collect and hand off', () => {
  it('asks each unknown field, retries invalid answers, then hands off with a summary', () => {
    const results = converse(['hello', 'Where is my order??', 'ada@example.com', 'order twelve', 'A12345']);
    const [, answer, email, retry, done] = results;
    expect(answer!.decision.replies).toEqual([
      { text: 'Let me get someone to check.', quickReplies: [HUMAN], cards: [] },
      { text: 'What is your email?', quickReplies: [HUMAN], cards: [] },
    ]);
    expect(email!.decision).toEqual({
      replies: [{ text: 'What is your order number?', quickReplies: [HUMAN], cards: [] }],
      collected: { email: 'ada@example.com' },
    });
    expect(retry!.decision).toEqual({
      replies: [{ text: 'Order numbers look like A12345.', quickReplies: [HUMAN], cards: [] }],
    });
    expect(done!.decision.collected).toEqual({ orderNumber: 'A12345' });
    expect(done!.decision.handoff).toEqual({
      reason: 'bot_decision',
      summary:
        'The bot handed over after answering. Visitor asked: "Where is my order??". Topics: order. ' +
        'Collected: email=ada@example.com, orderNumber=A12345.',
      queueId: 'q_support',
      skills: ['orders'],
    });
    expect(done!.decision.replies.every((reply) => reply.quickReplies.length === 0)).toBe(true);
  });

  it('skips fields the contact already has', () => {
    const [, answer] = converse(['hi', 'track'], { ...stranger, email: 'ada@example.com' });
    expect(texts(answer!)).toEqual(['Let me get someone to check.', 'What is your order number?']);
    expect(answer!.state.pending?.fields).toEqual(['orderNumber']);
    const withAttribute = { ...known, attributes: { orderNumber: 'A12345' } };
    expect(last(['hi', 'track'], withAttribute).decision.handoff?.reason).toBe('bot_decision');
  });

  it('hands off after the answer when a rule has nothing to collect', () => {
    const { decision } = last(['hi', 'I have a complaint']);
    expect(decision.replies).toEqual([
      { text: 'Sorry to hear that.', quickReplies: [], cards: [] },
      { text: "I'm connecting you with our team.", quickReplies: [], cards: [] },
    ]);
    expect(decision.handoff).toMatchObject({ reason: 'bot_decision' });
    expect(decision.handoff?.summary).toContain('Topics: escalate.');
  });

  it('thanks the visitor after collecting when no handoff follows', () => {
    const [, ask, done] = converse(['hi', 'newsletter', '  Ada  Lovelace ']);
    expect(texts(ask!)).toEqual(['Happy to sign you up.', 'What is your name?']);
    expect(done!.decision).toEqual({
      replies: [{ text: COLLECTED_TEXT, quickReplies: [HUMAN], cards: [] }],
      collected: { name: 'Ada  Lovelace' },
    });
    expect(done!.state.pending).toBeNull();
    expect(done!.state.collected).toEqual({ name: 'Ada  Lovelace' });
  });

  it('lets a request for a human win while collecting, with what is known', () => {
    const [, , , done] = converse(['hi', 'where is my order', 'ada@example.com', 'just get me an agent']);
    expect(done!.decision.collected).toBeUndefined();
    expect(done!.decision.handoff).toMatchObject({ reason: 'visitor_request' });
    expect(done!.decision.handoff?.summary).toBe(
      'Visitor asked for a person. Visitor asked: "where is my order". Topics: order. ' +
        'Collected: email=ada@example.com.',
    );
    expect(done!.state.pending).toBeNull();
  });

  it('hands off when invalid answers reach the miss limit', () => {
    const [, , first, second] = converse(['hi', 'track', 'nope', 'still nope'], known);
    expect(texts(first!)).toEqual(['Order numbers look like A12345.']);
    expect(second!.decision.handoff).toMatchObject({ reason: 'fallback_limit' });
    // A wrong answer is not what the visitor wanted help with.
    expect(second!.decision.handoff?.summary).toContain('Visitor asked: "track"');
  });
});

describe('rules engine: fallback', () => {
  it('apologises with the human option, then hands off at the limit', () => {
    const [, miss, limit] = converse(['hello', 'blah blah', 'xyzzy?']);
    expect(miss!.decision).toEqual({
      replies: [{ text: 'Sorry, I did not get that.', quickReplies: [HUMAN], cards: [] }],
    });
    expect(miss!.state.misses).toBe(1);
    expect(limit!.decision.replies).toEqual([
      { text: "I'm connecting you with our team.", quickReplies: [], cards: [] },
    ]);
    expect(limit!.decision.handoff).toEqual({
      reason: 'fallback_limit',
      summary: 'The bot did not understand the visitor. Visitor asked: "xyzzy?".',
      queueId: 'q_support',
      skills: ['orders'],
    });
    expect(limit!.state.misses).toBe(0);
  });

  it('resets the miss counter on any match', () => {
    const results = converse(['hello', 'blah', 'refund?', 'blah', 'hi', 'blah']);
    expect(results.map((r) => r.state.misses)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(results.every((r) => r.decision.handoff === undefined)).toBe(true);
  });

  it('omits the queue and skills when the config has none', () => {
    const bot = RulesBotConfig.parse({ kind: 'rules', greeting: { text: 'Hi' }, fallback: { limit: 1 } });
    const [, limit] = converse(['hi', 'blah'], stranger, { bot });
    expect(limit!.decision.handoff).toEqual({
      reason: 'fallback_limit',
      summary: 'The bot did not understand the visitor. Visitor asked: "blah".',
    });
  });
});

describe('rules engine: summary and state', () => {
  it('keeps the last substantive message, skipping greetings and human requests', () => {
    const done = last(['how long is shipping', 'hello', 'operator'], known);
    expect(done.decision.handoff?.summary).toBe(
      'Visitor asked for a person. Visitor asked: "how long is shipping". Topics: shipping.',
    );
  });

  it('truncates the question and keeps the summary short', () => {
    const long = `shipping ${'very '.repeat(100)}long question`;
    const done = last(['hi', long, 'human'], known);
    const summary = done.decision.handoff!.summary;
    expect(done.state.lastQuestion!.length).toBeLessThanOrEqual(200);
    expect(done.state.lastQuestion).toMatch(/^shipping very .*very…$/);
    expect(summary).toContain(`Visitor asked: "${done.state.lastQuestion}".`);
  });

  it('caps the summary at 2000 characters whatever was collected', () => {
    const collected = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`field${i}`, 'x'.repeat(1000)]),
    );
    const summary = handoffSummary({
      reason: 'visitor_request',
      lastQuestion: 'q'.repeat(200),
      topics: Array.from({ length: 10 }, () => 'r'.repeat(64)),
      collected,
    });
    expect(summary.length).toBeLessThanOrEqual(2000);
    expect(summary).toMatch(/^Visitor asked for a person\. Visitor asked: "q+"\. Topics: r+/);
  });

  it('is plain JSON and deterministic', () => {
    const results = converse(['hi', 'where is my order', 'ada@example.com']);
    const state = results.at(-1)!.state;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(converse(['A12345'], stranger, { state })).toEqual(converse(['A12345'], stranger, { state }));
  });

  it('does not mutate the state it is given', () => {
    const [, ask] = converse(['hi', 'where is my order']);
    const before = structuredClone(ask!.state);
    runRules(config, ask!.state, { text: 'ada@example.com', contact: stranger });
    expect(ask!.state).toEqual(before);
  });
});
