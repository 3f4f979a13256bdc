import { SwitchboardError } from '@switchboard/agent-sdk';
import type { Conversation, Handoff } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { stateEvents } from './state-events.js';

const conversation = (overrides: Partial<Conversation> = {}): Conversation =>
  ({
    id: 'c1',
    status: 'bot',
    handoff: null,
    resolveReason: null,
    ...overrides,
  }) as Conversation;

const idle = { connection: 'idle', conversation: null, error: null } as const;
const summary = (events: Event[]) =>
  events.map((event) => [event.type, (event as CustomEvent<unknown>).detail] as const);

describe('stateEvents', () => {
  it('reports a connection change and a conversation that begins', () => {
    const started = conversation();
    expect(
      summary(stateEvents(idle, { connection: 'connected', conversation: started, error: null })),
    ).toEqual([
      ['switchboard-connection-change', { connection: 'connected' }],
      ['switchboard-conversation-start', { conversation: started }],
    ]);
  });

  it('reports nothing when nothing the page cares about changed', () => {
    const state = { connection: 'connected', conversation: conversation(), error: null } as const;
    expect(stateEvents(state, { ...state, conversation: conversation({ status: 'queued' }) })).toEqual([]);
  });

  it('reports the end with its status and reason, and a reopening as a new start', () => {
    const open = {
      connection: 'connected',
      conversation: conversation({ status: 'active' }),
      error: null,
    } as const;
    const resolved = conversation({ status: 'resolved', resolveReason: 'solved' });
    expect(summary(stateEvents(open, { ...open, conversation: resolved }))).toEqual([
      ['switchboard-conversation-end', { conversation: resolved, status: 'resolved', reason: 'solved' }],
    ]);
    const reopened = conversation({ status: 'queued' });
    expect(
      summary(stateEvents({ ...open, conversation: resolved }, { ...open, conversation: reopened })),
    ).toEqual([['switchboard-conversation-start', { conversation: reopened }]]);
  });

  it('reports a handoff once a person accepts it, not when it is only requested or resumed', () => {
    const handoff: Handoff = {
      reason: 'agent_intervention',
      summary: '',
      requestedAt: '2026-01-01T00:00:00.000Z',
      acceptedAt: null,
      targetQueueId: null,
      skills: [],
    };
    const bot = { connection: 'connected', conversation: conversation(), error: null } as const;
    const requested = conversation({ status: 'queued', handoff });
    expect(stateEvents(bot, { ...bot, conversation: requested })).toEqual([]);
    const accepted = conversation({
      status: 'active',
      handoff: { ...handoff, acceptedAt: handoff.requestedAt },
    });
    expect(
      summary(stateEvents({ ...bot, conversation: requested }, { ...bot, conversation: accepted })),
    ).toEqual([['switchboard-handoff', { conversation: accepted, reason: 'agent_intervention' }]]);
    // After a reload the stored conversation arrives already handed over.
    expect(summary(stateEvents(idle, { ...bot, conversation: accepted })).map(([type]) => type)).toEqual([
      'switchboard-connection-change',
      'switchboard-conversation-start',
    ]);
  });

  it('reports a new error once', () => {
    const error = new SwitchboardError('unauthorized', 'The site refused the identity');
    const failed = { ...idle, error };
    expect(summary(stateEvents(idle, failed))).toEqual([['switchboard-error', { error }]]);
    expect(stateEvents(failed, failed)).toEqual([]);
  });
});
