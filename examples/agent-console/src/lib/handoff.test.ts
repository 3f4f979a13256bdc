import { HANDOFF_REASONS } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { handoffReasonBadge, handoffReasonText, handoffWaitText } from './handoff.js';

describe('handoffReasonText', () => {
  it('puts every reason into words', () => {
    expect(handoffReasonText('visitor_request')).toBe('The visitor asked for a person.');
    expect(handoffReasonText('agent_intervention')).toMatch(/agent intervened/);
    expect(handoffReasonText('bot_timeout')).toMatch(/failed or did not answer/);
    for (const reason of HANDOFF_REASONS) {
      expect(handoffReasonText(reason)).toMatch(/\S/);
      expect(handoffReasonBadge(reason)).toMatch(/\S/);
    }
  });

  it('counts the misses behind a fallback handoff when they are known', () => {
    expect(handoffReasonText('fallback_limit', 3)).toBe('The bot did not understand the visitor 3 times.');
    expect(handoffReasonText('fallback_limit', 1)).toBe('The bot did not understand the visitor once.');
    expect(handoffReasonText('fallback_limit')).toMatch(/did not understand the visitor, several times/);
    // A count only means something for the fallback limit.
    expect(handoffReasonText('visitor_request', 2)).toBe('The visitor asked for a person.');
  });
});

describe('handoffWaitText', () => {
  const requestedAt = '2025-06-18T10:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('says how long the visitor waited once an agent accepted', () => {
    expect(handoffWaitText({ requestedAt, acceptedAt: '2025-06-18T10:02:05.000Z' }, 0)).toBe('Waited 2m 5s');
    // An agent who intervened took over at once.
    expect(handoffWaitText({ requestedAt, acceptedAt: requestedAt }, 0)).toBe('Waited 0s');
  });

  it('counts up from the request while nobody has accepted', () => {
    expect(handoffWaitText({ requestedAt, acceptedAt: null }, at('2025-06-18T10:00:42.000Z'))).toBe(
      'Waiting for 42s',
    );
    expect(handoffWaitText({ requestedAt, acceptedAt: null }, at('2025-06-18T10:03:07.500Z'))).toBe(
      'Waiting for 3m 7s',
    );
  });

  it('gives nothing for an unparsable timestamp', () => {
    expect(handoffWaitText({ requestedAt: 'soon', acceptedAt: null }, 0)).toBe('');
    expect(handoffWaitText({ requestedAt, acceptedAt: 'later' }, 0)).toBe('');
  });
});
