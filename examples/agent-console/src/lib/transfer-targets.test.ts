import { describe, expect, it } from 'vitest';
import { agent, queue } from '../testing/factories.js';
import { parseTransferTarget, transferOptions } from './transfer-targets.js';

describe('transferOptions', () => {
  const state = {
    agents: {
      me: agent('me', { name: 'Ada', load: 1 }),
      bo: agent('bo', { name: 'Bo', status: 'busy', load: 2, capacity: 3 }),
      cy: agent('cy', { name: 'Cy', status: 'offline' }),
      di: agent('di', { name: 'Di', load: 0 }),
    },
    queues: {
      q2: queue('q2', { name: 'Sales', waiting: 0 }),
      q1: queue('q1', { name: 'Billing', waiting: 3 }),
    },
  };

  it('lists agents but the assignee, most available first, with status and load; then queues', () => {
    expect(transferOptions(state, { assigneeId: 'me' }, 'me')).toEqual([
      { value: 'agent:di', label: 'Di — Available, 0/5', group: 'agents' },
      { value: 'agent:bo', label: 'Bo — Busy, 2/3', group: 'agents' },
      { value: 'agent:cy', label: 'Cy — Offline, 0/5', group: 'agents' },
      { value: 'queue:q1', label: 'Billing — 3 waiting', group: 'queues' },
      { value: 'queue:q2', label: 'Sales — 0 waiting', group: 'queues' },
    ]);
  });

  it('marks yourself when you are not the assignee', () => {
    const options = transferOptions(state, { assigneeId: null }, 'me');
    expect(options.map((option) => option.value).slice(0, 2)).toEqual(['agent:di', 'agent:me']);
    expect(options[1]?.label).toBe('Ada (you) — Available, 1/5');
  });
});

describe('parseTransferTarget', () => {
  it('turns option values into SDK targets', () => {
    expect(parseTransferTarget('agent:bo')).toEqual({ agentId: 'bo' });
    expect(parseTransferTarget('queue:q:1')).toEqual({ queueId: 'q:1' });
  });

  it('refuses anything else', () => {
    for (const value of ['', 'agent:', 'bo', 'team:x']) expect(parseTransferTarget(value)).toBeNull();
  });
});
