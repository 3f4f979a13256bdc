import type { TimelineEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { agent } from '../testing/factories.js';
import { actorName, timelineAction } from './timeline-text.js';

const event = (overrides: Partial<TimelineEvent>): TimelineEvent => ({
  id: 'e1',
  conversationId: 'c1',
  type: 'created',
  actorKind: 'agent',
  actorId: 'bo',
  fromStatus: null,
  toStatus: null,
  data: {},
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe('timeline lines', () => {
  it('name the actor and say what they did', () => {
    const agents = { bo: agent('bo', { name: 'Bo' }) };
    expect(actorName(event({}), agents, 'me')).toBe('Bo');
    expect(actorName(event({ actorId: 'me' }), agents, 'me')).toBe('You');
    expect(actorName(event({ actorKind: 'system', actorId: null }), agents, 'me')).toBe('Switchboard');
    expect(timelineAction(event({ type: 'tag_added', data: { tag: 'vip' } }))).toBe('tagged it “vip”');
    expect(timelineAction(event({ type: 'label_removed', data: { name: 'Escalated' } }))).toBe(
      'removed the label Escalated',
    );
    expect(
      timelineAction(event({ type: 'contact_updated', data: { fields: 'email,attributes.plan' } })),
    ).toBe('edited the contact (email, attributes.plan)');
    expect(timelineAction(event({ type: 'resolved', fromStatus: 'active', toStatus: 'resolved' }))).toBe(
      'resolved → Resolved',
    );
  });
});
