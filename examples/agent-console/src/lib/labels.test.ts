import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { attachment } from '../testing/factories.js';
import { authorLabel, previewText } from './labels.js';

const base: Message = {
  id: 'm1',
  conversationId: 'c1',
  clientMessageId: '01JXXXXXXXXXXXXXXXXXXXXXXX',
  seq: 1,
  authorKind: 'visitor',
  authorId: null,
  kind: 'text',
  text: 'Hello\n  there',
  quickReplies: [],
  cards: [],
  attachments: [],
  form: null,
  createdAt: '2025-06-18T10:00:00.000Z',
};

describe('labels', () => {
  it('calls my own messages "You" and other agents "Agent"', () => {
    expect(authorLabel({ authorKind: 'agent', authorId: 'me' }, 'me')).toBe('You');
    expect(authorLabel({ authorKind: 'agent', authorId: 'other' }, 'me')).toBe('Agent');
    expect(authorLabel({ authorKind: 'bot', authorId: null }, 'me')).toBe('Bot');
  });

  it('previews on one line with the author, notes and events without one', () => {
    expect(previewText(base, 'me')).toBe('Visitor: Hello there');
    expect(previewText({ ...base, kind: 'note', authorKind: 'agent', authorId: 'me' }, 'me')).toBe(
      'Note: Hello there',
    );
    expect(previewText({ ...base, kind: 'event', authorKind: 'system' }, 'me')).toBe('Hello there');
  });

  it('previews a message that is only files by its file, or how many there are', () => {
    const pdf = attachment('a1', { name: 'receipt.pdf' });
    expect(previewText({ ...base, text: '', attachments: [pdf] }, 'me')).toBe('Visitor: 📎 receipt.pdf');
    expect(previewText({ ...base, text: ' ', attachments: [pdf, attachment('a2')] }, 'me')).toBe(
      'Visitor: 📎 2 files',
    );
    // Text wins: the files are mentioned in it more often than not.
    expect(previewText({ ...base, attachments: [pdf] }, 'me')).toBe('Visitor: Hello there');
  });

  it('previews a shared product by its card', () => {
    const agent = { ...base, authorKind: 'agent' as const, authorId: 'me', text: '' };
    const tent = { title: 'Ridge 2P tent', price: '€249' };
    expect(previewText({ ...agent, cards: [tent] }, 'me')).toBe('You: 🛍 Ridge 2P tent');
    expect(previewText({ ...agent, cards: [tent, { title: 'Footprint' }] }, 'me')).toBe(
      'You: 🛍 Ridge 2P tent +1',
    );
  });
});
