import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@switchboard/protocol';
import { activityAgentIds, visitorActivity } from './activity.js';

const event = (id: string, type: TimelineEvent['type'], data: TimelineEvent['data'] = {}): TimelineEvent => ({
  id,
  conversationId: 'c1',
  type,
  actorKind: 'system',
  actorId: null,
  fromStatus: null,
  toStatus: null,
  data,
  createdAt: `2026-11-21T10:00:0${id}.000Z`,
});

const timeline = [
  event('1', 'created'),
  event('2', 'queued', { queueId: 'q1' }),
  event('3', 'assigned', { agentId: 'a1', strategy: 'round_robin' }),
  event('4', 'priority_changed', { from: 'normal', to: 'high' }),
  event('5', 'transferred', { fromAgentId: 'a1', toAgentId: 'a2', note: 'VIP, be nice' }),
  event('6', 'resolved', { reason: 'solved', note: 'refund issued' }),
  event('7', 'reopened', { queueId: 'q1' }),
  event('8', 'transferred', { fromAgentId: 'a2', toAgentId: null, queueId: 'q2' }),
];

describe('visitorActivity', () => {
  it('keeps joins, transfers, the end and reopenings, with public names only', () => {
    const lines = visitorActivity(timeline, [
      { id: 'a1', name: 'Ada', avatarUrl: null },
      { id: 'a2', name: 'Grace', avatarUrl: null },
    ]);
    expect(lines.map(({ type, agentName }) => [type, agentName])).toEqual([
      ['agent_joined', 'Ada'],
      ['transferred', 'Grace'],
      ['ended', null],
      ['reopened', null],
      ['transferred', null],
    ]);
    // Notes, reasons, queues and priorities never reach a visitor.
    expect(JSON.stringify(lines)).not.toMatch(/VIP|refund|q1|q2|high|round_robin/);
  });

  it('names nobody when the agent is gone', () => {
    expect(visitorActivity([timeline[2]!], [])).toEqual([
      { id: '3', type: 'agent_joined', agentName: null, createdAt: timeline[2]!.createdAt },
    ]);
  });

  it('asks for the profiles of the agents it names, once each', () => {
    expect(activityAgentIds(timeline)).toEqual(['a1', 'a2']);
  });
});
