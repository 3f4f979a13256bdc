import { describe, expect, it } from 'vitest';
import { agent, conversation } from '../testing/factories.js';
import { TransferNotices, transferNoticeText } from './transfer-notices.js';

const transferred = (toAgentId: string | null, note: string | null, fromAgentId: string | null = 'bo') => ({
  conversation: conversation('c1', { status: 'active', assigneeId: toAgentId }),
  fromAgentId,
  toAgentId,
  toQueueId: toAgentId === null ? 'q1' : null,
  note,
});

describe('TransferNotices', () => {
  it('keeps transfers to me only, and tells subscribers', () => {
    const notices = new TransferNotices();
    let calls = 0;
    notices.subscribe(() => (calls += 1));
    expect(notices.record(transferred('someone', 'x'), 'me')).toBe(false);
    expect(notices.record(transferred(null, 'to the queue'), 'me')).toBe(false);
    expect(notices.record(transferred('me', 'x'), null)).toBe(false);
    expect(notices.record(transferred('me', 'VIP customer'), 'me')).toBe(true);
    expect(notices.get('c1')).toEqual({ conversationId: 'c1', fromAgentId: 'bo', note: 'VIP customer' });
    notices.dismiss('c1');
    expect(notices.get('c1')).toBeUndefined();
    expect(calls).toBe(2);
  });
});

describe('transferNoticeText', () => {
  const agents = { bo: agent('bo', { name: 'Bo' }) };

  it('names the sender and quotes the note', () => {
    const notice = { conversationId: 'c1', fromAgentId: 'bo', note: ' Wants a refund ' };
    expect(transferNoticeText(notice, agents)).toBe('Transferred to you by Bo: “Wants a refund”');
  });

  it('does without a note or a known sender', () => {
    expect(transferNoticeText({ conversationId: 'c1', fromAgentId: 'zz', note: null }, agents)).toBe(
      'Transferred to you by another agent.',
    );
    expect(transferNoticeText({ conversationId: 'c1', fromAgentId: null, note: '' }, agents)).toBe(
      'Transferred to you.',
    );
  });
});
