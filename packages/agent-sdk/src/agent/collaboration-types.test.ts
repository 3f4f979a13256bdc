// The collaboration surface is typed end to end: events carry protocol types, actions take and
// resolve with them, and nothing is a bag of optional fields.
import type {
  Contact,
  Conversation,
  ConversationPage,
  Label,
  Mention,
  MentionPage,
  MentionsRead,
  Message,
  UpdateContactRequest,
} from '@switchboard/protocol';
import { describe, expectTypeOf, it } from 'vitest';
import type { AgentClient, AgentClientEvents, AgentState } from '../types.js';
import type { MentionsReadTarget } from './collaboration-types.js';

describe('the agent client’s collaboration types', () => {
  it('types the new events', () => {
    expectTypeOf<AgentClientEvents['mention']>().toEqualTypeOf<Mention>();
    expectTypeOf<AgentClientEvents['mentions:read']>().toEqualTypeOf<MentionsRead>();
    expectTypeOf<AgentClientEvents['label:created']>().toEqualTypeOf<Label>();
    expectTypeOf<AgentClientEvents['label:updated']>().toEqualTypeOf<Label>();
    expectTypeOf<AgentClientEvents['contact:updated']>().toEqualTypeOf<Contact>();
    // `on` hands each listener its event's type.
    expectTypeOf<AgentClient['on']>().parameter(0).toEqualTypeOf<keyof AgentClientEvents>();
    const listen = (client: AgentClient) =>
      client.on('mention', (mention) => expectTypeOf(mention).toEqualTypeOf<Mention>());
    expectTypeOf(listen).returns.toEqualTypeOf<() => void>();
  });

  it('types the new state', () => {
    expectTypeOf<AgentState['mentions']>().toEqualTypeOf<readonly Mention[]>();
    expectTypeOf<AgentState['unreadMentions']>().toEqualTypeOf<number>();
    expectTypeOf<AgentState['labels']>().toEqualTypeOf<Readonly<Record<string, Label>>>();
    expectTypeOf<AgentState['contacts']>().toEqualTypeOf<Readonly<Record<string, Contact>>>();
    expectTypeOf<AgentState['conversations'][string]['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<AgentState['conversations'][string]['labelIds']>().toEqualTypeOf<string[]>();
  });

  it('types the new actions', () => {
    expectTypeOf<AgentClient['sendNote']>().returns.toEqualTypeOf<Promise<Message>>();
    expectTypeOf<AgentClient['addTags']>().parameters.toEqualTypeOf<[string, readonly string[]]>();
    expectTypeOf<AgentClient['addTags']>().returns.toEqualTypeOf<Promise<Conversation>>();
    expectTypeOf<AgentClient['removeTags']>().returns.toEqualTypeOf<Promise<Conversation>>();
    expectTypeOf<AgentClient['addLabel']>().parameters.toEqualTypeOf<[string, string]>();
    expectTypeOf<AgentClient['removeLabel']>().returns.toEqualTypeOf<Promise<Conversation>>();
    expectTypeOf<AgentClient['createLabel']>().returns.toEqualTypeOf<Promise<Label>>();
    expectTypeOf<AgentClient['updateContact']>().parameter(1).toEqualTypeOf<UpdateContactRequest>();
    expectTypeOf<AgentClient['updateContact']>().returns.toEqualTypeOf<Promise<Contact>>();
    expectTypeOf<AgentClient['contactConversations']>().returns.toEqualTypeOf<Promise<ConversationPage>>();
    expectTypeOf<AgentClient['listMentions']>().returns.toEqualTypeOf<Promise<MentionPage>>();
    expectTypeOf<AgentClient['markMentionsRead']>().parameter(0).toEqualTypeOf<MentionsReadTarget>();
    expectTypeOf<AgentClient['markMentionsRead']>().returns.toEqualTypeOf<Promise<MentionsRead>>();
    // Contact edits take only what the server accepts.
    expectTypeOf<{ nickname: string }>().not.toExtend<UpdateContactRequest>();
    expectTypeOf<{ phone: null }>().toExtend<UpdateContactRequest>();
  });
});
