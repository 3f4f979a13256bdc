import { INITIAL_VISITOR_STATE, SwitchboardError, type VisitorClient } from '@switchboard/agent-sdk';
import type { Conversation } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { enParts } from '../i18n/en-parts.js';
import { withScore } from './csat.js';
import { CsatController } from './csat-controller.js';

const AT = '2025-01-01T10:00:00.000Z';

const conversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  siteId: 's1',
  contactId: 'contact1',
  channel: 'web',
  status: 'resolved',
  priority: 'normal',
  queueId: null,
  assigneeId: 'a1',
  requiredSkills: [],
  queuedAt: null,
  assignedAt: null,
  resolvedAt: AT,
  resolveReason: 'solved',
  handoff: null,
  csat: null,
  lastSeq: 2,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  visitorDeliveredSeq: 0,
  agentDeliveredSeq: 0,
  tags: [],
  labelIds: [],
  lastMessageAt: AT,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

function setup(initial: Conversation | null = conversation()) {
  const focused: string[] = [];
  const host = {
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
    // Stands in for the shadow root: reports which selector the controller focuses.
    renderRoot: {
      querySelector: (selector: string) => ({ focus: () => focused.push(selector) }),
    } as unknown as DocumentFragment,
  };
  const client = {
    // Like the SDK: the rated conversation is in the state before the promise settles.
    rate: vi.fn(async (score: number, comment?: string) => {
      await Promise.resolve();
      const rated = conversation({ csat: { score, comment: comment?.trim() || null, ratedAt: AT } });
      visitor.state = { ...visitor.state, conversation: rated };
      return rated;
    }),
  };
  const visitor = {
    state: { ...INITIAL_VISITOR_STATE, conversation: initial },
    requireClient: () => client as unknown as VisitorClient,
  };
  const onRated = vi.fn();
  const controller = new CsatController(host, visitor, onRated);
  return { controller, visitor, client, host, onRated, focused };
}

describe('CsatController', () => {
  it('asks only once the conversation is resolved, and thanks once it is rated', () => {
    expect(setup(null).controller.shown()).toBeNull();
    expect(setup(conversation({ status: 'active' })).controller.shown()).toBeNull();
    expect(setup().controller.shown()).toEqual({
      kind: 'prompt',
      draft: { key: `c1|${AT}`, score: null, comment: '', status: 'editing', error: null },
    });
    const rated = conversation({ csat: { score: 4, comment: null, ratedAt: AT } });
    expect(setup(rated).controller.shown()).toEqual({ kind: 'rated', score: 4 });
  });

  it('sends the chosen score and comment, then thanks the visitor and hands focus on', async () => {
    const { controller, client, onRated } = setup();
    controller.choose(4);
    controller.comment('Quick and kind');
    const sending = controller.submit();
    expect(controller.shown()).toMatchObject({ kind: 'prompt', draft: { status: 'sending', score: 4 } });
    await sending;
    expect(client.rate).toHaveBeenCalledWith(4, 'Quick and kind');
    expect(controller.shown()).toEqual({ kind: 'rated', score: 4 });
    expect(onRated).toHaveBeenCalledOnce();
  });

  it('asks for a score before sending, focuses the stars, and forgets the error once one is chosen', async () => {
    const { controller, client, focused } = setup();
    await controller.submit();
    expect(client.rate).not.toHaveBeenCalled();
    expect(controller.shown()).toMatchObject({ draft: { error: 'required', status: 'editing' } });
    expect(focused).toEqual(['[part~="csat-score"] input']);
    controller.choose(2);
    expect(controller.shown()).toMatchObject({ draft: { error: null, score: 2 } });
  });

  it('keeps the answers after a failure, for another try', async () => {
    const { controller, client, onRated } = setup();
    client.rate.mockRejectedValueOnce(new SwitchboardError('network', 'Cannot send: not connected'));
    controller.choose(5);
    controller.comment('Great');
    await controller.submit();
    expect(controller.shown()).toMatchObject({
      draft: { score: 5, comment: 'Great', status: 'failed', error: 'failed' },
    });
    expect(onRated).not.toHaveBeenCalled();
    await controller.submit();
    expect(client.rate).toHaveBeenCalledTimes(2);
    expect(controller.shown()).toEqual({ kind: 'rated', score: 5 });
  });

  it('starts afresh when the conversation is resolved again after a reopen', () => {
    const { controller, visitor } = setup();
    controller.choose(1);
    visitor.state = {
      ...visitor.state,
      conversation: conversation({ resolvedAt: '2025-01-02T10:00:00.000Z' }),
    };
    expect(controller.shown()).toMatchObject({ kind: 'prompt', draft: { score: null } });
  });
});

describe('withScore', () => {
  it('fills in the score and the scale', () => {
    expect(withScore(enParts.csatScore, 4)).toBe('4 of 5');
    expect(withScore('{max}: {score}', 1)).toBe('5: 1');
  });
});
