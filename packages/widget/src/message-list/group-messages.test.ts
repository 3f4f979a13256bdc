import { SwitchboardError, type PendingMessage } from '@switchboard/agent-sdk';
import { describe, expect, it } from 'vitest';
import { MESSAGE_EPOCH, message } from '../testing/factories.js';
import { groupMessages } from './group-messages.js';

const T0 = MESSAGE_EPOCH;

function pending(overrides: Partial<PendingMessage> & { at?: number }): PendingMessage {
  const { at = 0, ...rest } = overrides;
  return {
    clientMessageId: 'PENDING0000000000000000001',
    conversationId: 'c1',
    text: 'pending text',
    kind: 'text',
    attachments: [],
    createdAt: new Date(T0 + at).toISOString(),
    attempts: 1,
    error: null,
    ...rest,
  };
}

describe('groupMessages', () => {
  it('is empty for an empty conversation', () => {
    expect(groupMessages([], [])).toEqual([]);
  });

  it('groups consecutive messages by author and puts the visitor on the right', () => {
    const groups = groupMessages(
      [
        message({ authorKind: 'bot', authorId: 'bot1', at: 0 }),
        message({ authorKind: 'bot', authorId: 'bot1', at: 1000 }),
        message({ authorKind: 'visitor', at: 2000 }),
        message({ authorKind: 'agent', authorId: 'agent1', at: 3000 }),
        message({ authorKind: 'agent', authorId: 'agent2', at: 4000 }),
      ],
      [],
    );
    expect(groups.map((g) => [g.side, g.authorKind, g.rows.length])).toEqual([
      ['other', 'bot', 2],
      ['self', 'visitor', 1],
      ['other', 'agent', 1],
      ['other', 'agent', 1],
    ]);
    expect(groups[0]?.key).toBe(groups[0]?.rows[0]?.key);
  });

  it('places system lines among stored messages by time, each on its own, before pending ones', () => {
    const line = (key: string, at: number) => ({
      key,
      text: key,
      createdAt: new Date(T0 + at).toISOString(),
    });
    const groups = groupMessages(
      [
        message({ authorKind: 'visitor', at: 0, text: 'hi' }),
        message({ authorKind: 'agent', authorId: 'a1', at: 2000, text: 'hello' }),
        message({ authorKind: 'agent', authorId: 'a1', at: 3000, text: 'bye' }),
      ],
      [pending({ at: 9000, text: 'wait' })],
      { activity: [line('ended', 5000), line('joined', 2000)] },
    );
    expect(groups.map((g) => [g.side, g.rows.map((row) => row.text)])).toEqual([
      ['self', ['hi']],
      ['system', ['joined']],
      ['other', ['hello', 'bye']],
      ['system', ['ended']],
      ['self', ['wait']],
    ]);
  });

  it('starts a new group after a pause', () => {
    const groups = groupMessages(
      [message({ at: 0 }), message({ at: 60_000 }), message({ at: 60_000 + 6 * 60_000 })],
      [],
    );
    expect(groups.map((g) => g.rows.length)).toEqual([2, 1]);
    expect(groupMessages([message({ at: 0 }), message({ at: 10_000 })], [], { windowMs: 5000 })).toHaveLength(
      2,
    );
  });

  it('shows system messages and events on their own, centred', () => {
    const groups = groupMessages(
      [
        message({ authorKind: 'system', authorId: null, kind: 'event', text: 'An agent joined' }),
        message({ authorKind: 'system', authorId: null, kind: 'event', text: 'Queued' }),
        message({ authorKind: 'agent', authorId: 'a1', kind: 'event', text: 'Transferred' }),
      ],
      [],
    );
    expect(groups.map((g) => [g.side, g.rows.length])).toEqual([
      ['system', 1],
      ['system', 1],
      ['system', 1],
    ]);
  });

  it('never shows internal notes', () => {
    const groups = groupMessages(
      [message({ authorKind: 'agent', authorId: 'a1', kind: 'note', text: 'secret' })],
      [pending({ kind: 'note' })],
    );
    expect(groups).toEqual([]);
  });

  it('appends pending messages to the visitor group, dimmed or failed', () => {
    const sent = message({ authorKind: 'visitor', at: 0 });
    const failure = pending({ clientMessageId: 'PENDING0000000000000000002', at: 2000 });
    const groups = groupMessages(
      [sent],
      [pending({ at: 1000 }), { ...failure, error: new SwitchboardError('conversation_closed', 'closed') }],
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.side).toBe('self');
    expect(groups[0]?.rows.map((r) => r.status)).toEqual(['sent', 'pending', 'failed']);
  });

  it('shows an acknowledged message once, keyed by its client id before and after the ack', () => {
    const stored = message({ authorKind: 'visitor', clientMessageId: 'PENDING0000000000000000001' });
    const before = groupMessages([], [pending({})]);
    const after = groupMessages([stored], [pending({})]);
    expect(before[0]?.rows.map((r) => [r.key, r.status])).toEqual([
      ['PENDING0000000000000000001', 'pending'],
    ]);
    expect(after[0]?.rows.map((r) => [r.key, r.status])).toEqual([['PENDING0000000000000000001', 'sent']]);
  });

  it('keeps the text as it is, markup included', () => {
    const groups = groupMessages([message({ text: '<img src=x onerror=alert(1)>' })], []);
    expect(groups[0]?.rows[0]?.text).toBe('<img src=x onerror=alert(1)>');
  });
});
