import { describe, expect, it } from 'vitest';
import { ulid } from '../ulid.js';
import {
  AgentSendMessagePayload,
  CsatSubmission,
  MessageHistoryQuery,
  SendMessagePayload,
  VisitorSessionRequest,
} from './index.js';

describe('SendMessagePayload', () => {
  const valid = { conversationId: 'c1', clientMessageId: ulid(), text: 'hello' };

  it('accepts a well-formed send', () => {
    expect(SendMessagePayload.parse(valid)).toEqual(valid);
  });

  it('accepts attachments with blank or missing text', () => {
    const files = { conversationId: 'c1', clientMessageId: ulid(), attachmentIds: ['a1', 'a2'] };
    expect(SendMessagePayload.parse(files)).toEqual({ ...files, text: '' });
    expect(SendMessagePayload.parse({ ...files, text: '  ' }).attachmentIds).toEqual(['a1', 'a2']);
    expect(AgentSendMessagePayload.parse({ ...files, kind: 'note' }).kind).toBe('note');
  });

  it('names the text when there is neither text nor an attachment', () => {
    const result = SendMessagePayload.safeParse({ ...valid, text: ' ', attachmentIds: [] });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['text', 'must not be blank'],
    ]);
  });

  it.each([
    ['a repeated attachment', { ...valid, attachmentIds: ['a1', 'a1'] }],
    ['eleven attachments', { ...valid, attachmentIds: Array.from({ length: 11 }, (_, i) => `a${i}`) }],
    ['an empty attachment id', { ...valid, attachmentIds: [''] }],
  ])('rejects %s', (_label, payload) => {
    expect(SendMessagePayload.safeParse(payload).success).toBe(false);
  });

  it.each([
    ['blank text', { ...valid, text: '   ' }],
    ['text too long', { ...valid, text: 'x'.repeat(4001) }],
    ['a clientMessageId that is not a ULID', { ...valid, clientMessageId: 'abc' }],
    ['an unknown field', { ...valid, html: '<b>hi</b>' }],
    ['a missing conversation', { clientMessageId: ulid(), text: 'hi' }],
  ])('rejects %s', (_label, payload) => {
    expect(SendMessagePayload.safeParse(payload).success).toBe(false);
  });

  it('defaults an agent message to text, and allows notes', () => {
    expect(AgentSendMessagePayload.parse(valid).kind).toBe('text');
    expect(AgentSendMessagePayload.parse({ ...valid, kind: 'note' }).kind).toBe('note');
    expect(AgentSendMessagePayload.safeParse({ ...valid, kind: 'event' }).success).toBe(false);
  });

  it('lets an agent send cards, with blank or missing text, but never in a note', () => {
    const card = { title: 'Ridge 2P tent', price: '€249', url: '/#tents' };
    const shared = { conversationId: 'c1', clientMessageId: ulid(), cards: [card] };
    expect(AgentSendMessagePayload.parse(shared)).toEqual({ ...shared, text: '', kind: 'text' });
    expect(AgentSendMessagePayload.parse({ ...shared, text: 'This one?' }).text).toBe('This one?');
    const note = AgentSendMessagePayload.safeParse({ ...shared, text: 'fyi', kind: 'note' });
    expect(note.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['cards', 'a note cannot carry cards'],
    ]);
    expect(AgentSendMessagePayload.safeParse({ ...shared, cards: [] }).success).toBe(false);
    expect(
      AgentSendMessagePayload.safeParse({ ...shared, cards: [{ title: 'X', url: 'javascript:alert(1)' }] })
        .success,
    ).toBe(false);
    expect(
      AgentSendMessagePayload.safeParse({ ...shared, cards: Array.from({ length: 11 }, () => card) }).success,
    ).toBe(false);
    // Visitors send no cards.
    expect(SendMessagePayload.safeParse(shared).success).toBe(false);
  });
});

describe('MessageHistoryQuery', () => {
  it('coerces query-string numbers and applies the default limit', () => {
    expect(MessageHistoryQuery.parse({ afterSeq: '4' })).toEqual({ afterSeq: 4, limit: 50 });
  });

  it('refuses afterSeq with beforeSeq, negative or fractional seqs and oversize pages', () => {
    for (const query of [
      { afterSeq: '1', beforeSeq: '9' },
      { afterSeq: '-1' },
      { beforeSeq: '1.5' },
      { limit: '500' },
      { afterSeq: 'abc' },
    ]) {
      expect(MessageHistoryQuery.safeParse(query).success).toBe(false);
    }
  });
});

describe('VisitorSessionRequest', () => {
  it('requires a plausible site key and a complete resume credential', () => {
    expect(VisitorSessionRequest.safeParse({ siteKey: 'pk_demo_switchboard' }).success).toBe(true);
    expect(VisitorSessionRequest.safeParse({ siteKey: 'x' }).success).toBe(false);
    expect(
      VisitorSessionRequest.safeParse({ siteKey: 'pk_demo_switchboard', resume: { contactId: 'c' } }).success,
    ).toBe(false);
  });
});

describe('CsatSubmission', () => {
  const valid = { conversationId: 'c1', score: 4 };

  it('accepts a score alone, and trims the comment', () => {
    expect(CsatSubmission.parse(valid)).toEqual(valid);
    expect(CsatSubmission.parse({ ...valid, comment: '  Quick and kind.  ' }).comment).toBe(
      'Quick and kind.',
    );
    expect(CsatSubmission.parse({ ...valid, comment: 'x'.repeat(1000) }).comment).toHaveLength(1000);
  });

  it.each([
    ['a score of 0', { ...valid, score: 0 }],
    ['a score of 6', { ...valid, score: 6 }],
    ['a fractional score', { ...valid, score: 3.5 }],
    ['a score as a string', { ...valid, score: '4' }],
    ['no score', { conversationId: 'c1' }],
    ['a comment over 1000 characters', { ...valid, comment: 'x'.repeat(1001) }],
    ['an unknown field', { ...valid, stars: 4 }],
  ])('rejects %s', (_label, payload) => {
    expect(CsatSubmission.safeParse(payload).success).toBe(false);
  });
});
