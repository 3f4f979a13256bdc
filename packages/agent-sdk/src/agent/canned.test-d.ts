// Type tests (checked by `tsc` in `pnpm typecheck` and by vitest's typecheck mode): canned
// responses are typed end to end, from the socket event map to the client's events and actions.
import type {
  Agent,
  AgentServerToClientEvents,
  CannedChange,
  CannedChangedEvent,
  CannedResponse,
  Contact,
  Conversation,
  CreateCannedResponseRequest,
} from '@switchboard/protocol';
import { describe, expectTypeOf, it } from 'vitest';
import { renderCanned, type CannedContext } from './render-canned.js';
import type { AgentClient, AgentClientEvents, AgentState } from '../types.js';

declare const client: AgentClient;

describe('canned:changed', () => {
  it('is typed on the wire and on the client', () => {
    expectTypeOf<
      Parameters<AgentServerToClientEvents['canned:changed']>[0]
    >().toEqualTypeOf<CannedChangedEvent>();
    expectTypeOf<AgentClientEvents['canned:changed']>().toEqualTypeOf<CannedChangedEvent>();
    expectTypeOf<CannedChange>().toEqualTypeOf<'created' | 'updated' | 'deleted'>();
  });

  it('hands listeners the typed event', () => {
    client.on('canned:changed', (event) => {
      expectTypeOf(event.change).toEqualTypeOf<CannedChange>();
      expectTypeOf(event.cannedResponse).toEqualTypeOf<CannedResponse>();
      expectTypeOf(event.cannedResponse.category).toEqualTypeOf<string | null>();
    });
    // @ts-expect-error: the listener's payload is the event, not a response.
    client.on('canned:changed', (response: CannedResponse) => response);
  });
});

describe('client.canned', () => {
  it('types its actions', () => {
    expectTypeOf(client.canned.list).returns.resolves.toEqualTypeOf<CannedResponse[]>();
    expectTypeOf(client.canned.list)
      .parameter(0)
      .toEqualTypeOf<{ siteId?: string; q?: string; category?: string } | undefined>();
    expectTypeOf(client.canned.search).returns.toEqualTypeOf<CannedResponse[]>();
    expectTypeOf(client.canned.create).parameter(0).toEqualTypeOf<CreateCannedResponseRequest>();
    expectTypeOf(client.canned.create).returns.resolves.toEqualTypeOf<CannedResponse>();
    expectTypeOf(client.canned.update).returns.resolves.toEqualTypeOf<CannedResponse>();
    expectTypeOf(client.canned.remove).returns.resolves.toBeVoid();
  });

  it('refuses malformed calls', () => {
    // @ts-expect-error: a response belongs to a site.
    void client.canned.create({ shortcut: 'x', title: 'x', body: 'x' });
    // @ts-expect-error: a response cannot move to another site.
    void client.canned.update('id', { siteId: 'site_2' });
    // @ts-expect-error: the category is a string, or null for none.
    void client.canned.update('id', { category: 42 });
    void client.canned.update('id', { category: null });
    // @ts-expect-error: `search` filters by site and category only.
    client.canned.search('q', { shortcut: 'x' });
  });

  it('keeps responses in the state', () => {
    expectTypeOf<AgentState['canned']>().toEqualTypeOf<Readonly<Record<string, CannedResponse>>>();
    expectTypeOf<AgentState['cannedLoaded']>().toEqualTypeOf<boolean>();
  });
});

describe('renderCanned', () => {
  it('takes protocol records as its context and returns text', () => {
    const contact = {} as Contact;
    const agent = {} as Agent;
    const conversation = {} as Conversation;
    expectTypeOf(renderCanned('Hi', { contact, agent, conversation })).toEqualTypeOf<string>();
    expectTypeOf(renderCanned).parameter(1).toEqualTypeOf<CannedContext>();
    renderCanned('Hi', {});
    renderCanned('Hi', { contact: null, agent: null });
    // @ts-expect-error: values are what a contact holds, not anything.
    renderCanned('Hi', { contact: { name: 42 } });
  });
});
