import { conversationFixture } from '../testing/conversation.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  AckData,
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  PayloadOf,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '../events.js';
import {
  Conversation,
  CreateLabelRequest,
  type Label,
  LabelPayload,
  type Mention,
  type MentionsRead,
  MentionsReadPayload,
  type TagsPayload,
  UpdateContactRequest,
  UpdateLabelRequest,
} from './index.js';

describe('Conversation', () => {
  it('reads a snapshot from before tags and labels as having none', () => {
    // A conversation stored before tags and labels existed.
    const {
      tags: _tags,
      labelIds: _labelIds,
      ...old
    } = conversationFixture({
      status: 'queued',
      queueId: null,
      assigneeId: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(Conversation.parse(old)).toMatchObject({ tags: [], labelIds: [] });
  });
});

describe('labels', () => {
  it('take a #rrggbb colour (stored lowercase) and a name of 1–40 characters', () => {
    expect(CreateLabelRequest.parse({ siteId: 's1', name: ' VIP ', color: '#A0B1C2' })).toEqual({
      siteId: 's1',
      name: 'VIP',
      color: '#a0b1c2',
    });
    expect(CreateLabelRequest.safeParse({ siteId: 's1', name: 'x', color: 'blue' }).success).toBe(false);
    expect(
      CreateLabelRequest.safeParse({ siteId: 's1', name: 'x'.repeat(41), color: '#000000' }).success,
    ).toBe(false);
    expect(UpdateLabelRequest.safeParse({}).success).toBe(false);
    expect(LabelPayload.safeParse({ conversationId: 'c1', labelId: 'l1', extra: 1 }).success).toBe(false);
  });
});

describe('UpdateContactRequest', () => {
  it('trims, clears with null, and names every bad field', () => {
    expect(
      UpdateContactRequest.parse({ name: ' Ada ', email: null, attributes: { plan: 'pro', old: null } }),
    ).toEqual({ name: 'Ada', email: null, attributes: { plan: 'pro', old: null } });
    const result = UpdateContactRequest.safeParse({ email: 'nope', phone: 'abc', attributes: { a: [1] } });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'attributes.a',
      'email',
      'phone',
    ]);
    expect(UpdateContactRequest.safeParse({}).success).toBe(false);
    expect(UpdateContactRequest.parse({ phone: '+44 20 7946 0958' }).phone).toBe('+44 20 7946 0958');
  });
});

describe('MentionsReadPayload', () => {
  it('takes ids or a conversation, not both', () => {
    expect(MentionsReadPayload.safeParse({ mentionIds: ['m1'] }).success).toBe(true);
    expect(MentionsReadPayload.safeParse({ conversationId: 'c1' }).success).toBe(true);
    expect(MentionsReadPayload.safeParse({ mentionIds: ['m1'], conversationId: 'c1' }).success).toBe(false);
    expect(MentionsReadPayload.safeParse({ mentionIds: [] }).success).toBe(false);
  });
});

describe('the event maps', () => {
  it('type the collaboration requests and their acks', () => {
    type Agent = AgentClientToServerEvents;
    expectTypeOf<PayloadOf<Agent, 'conversation:add_tags'>>().toEqualTypeOf<TagsPayload>();
    expectTypeOf<AckData<Agent, 'conversation:add_tags'>>().toEqualTypeOf<Conversation>();
    expectTypeOf<AckData<Agent, 'conversation:remove_tags'>>().toEqualTypeOf<Conversation>();
    expectTypeOf<PayloadOf<Agent, 'conversation:add_label'>>().toEqualTypeOf<LabelPayload>();
    expectTypeOf<AckData<Agent, 'conversation:remove_label'>>().toEqualTypeOf<Conversation>();
    expectTypeOf<PayloadOf<Agent, 'mentions:read'>>().toEqualTypeOf<MentionsReadPayload>();
    expectTypeOf<AckData<Agent, 'mentions:read'>>().toEqualTypeOf<MentionsRead>();
  });

  it('type what agents are told, and tell visitors none of it', () => {
    type Told = AgentServerToClientEvents;
    expectTypeOf<Parameters<Told['mention:created']>[0]>().toEqualTypeOf<Mention>();
    expectTypeOf<Parameters<Told['mentions:read']>[0]>().toEqualTypeOf<MentionsRead>();
    expectTypeOf<Parameters<Told['label:created']>[0]>().toEqualTypeOf<Label>();
    expectTypeOf<Parameters<Told['label:updated']>[0]>().toEqualTypeOf<Label>();
    expectTypeOf<Conversation['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<'mention:created'>().not.toExtend<keyof VisitorServerToClientEvents>();
    expectTypeOf<'conversation:add_tags'>().not.toExtend<keyof VisitorClientToServerEvents>();
  });
});
