// The agent SDK's live conversation lists (console tabs, filters, search) against the real server:
// after the first page, lists follow socket events without reading the list again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentClient, ConversationListView, VisitorClient } from '@switchboard/agent-sdk';
import { SwitchboardError } from '@switchboard/agent-sdk';
import { agentClient, visitorClient } from './support/clients.js';
import { startServer, type TestServer } from './support/server.js';
import { waitFor } from './support/wait.js';

let server: TestServer;
let ada: AgentClient;
/** `GET /v1/conversations` requests Ada's client made. */
const listReads: string[] = [];
const visitors: VisitorClient[] = [];
const views: ConversationListView[] = [];

const ids = (view: ConversationListView) => view.getSnapshot().items.map((item) => item.id);
const open = async (query: Parameters<AgentClient['view']>[0]) => {
  const view = ada.view(query);
  views.push(view);
  await view.ready();
  return view;
};
async function visitorWrites(text: string, name?: string) {
  const identity = name && { userId: `u-${name}`, name, email: `${name.toLowerCase()}@example.com` };
  const visitor = visitorClient(server.url, undefined, identity ? { identity } : {});
  visitors.push(visitor);
  const sent = await visitor.sendMessage(text);
  return sent.conversationId;
}

beforeAll(async () => {
  server = await startServer();
  ada = agentClient(server.url, {
    fetch: (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (new URL(url).pathname === '/v1/conversations') listReads.push(url);
      return fetch(input, init);
    },
  });
  await ada.connect();
  // Away: nothing is routed to Ada, so the conversations wait in the queue for her to accept.
  await ada.setStatus('away');
});
afterAll(async () => {
  for (const view of views) view.close();
  for (const visitor of visitors) visitor.disconnect();
  ada.disconnect();
  await server.close();
});

describe('live conversation views', () => {
  let parcel: string;
  let refund: string;

  it('lists each tab from the server, then moves conversations between tabs without reading again', async () => {
    parcel = await visitorWrites('Where is my parcel?', 'Grace');
    refund = await visitorWrites('I would like a refund', 'Linus');
    const queued = await open({ view: 'queued' });
    const mine = await open({ view: 'mine' });
    const closed = await open({ view: 'closed' });
    expect(ids(queued)).toEqual([refund, parcel]);
    expect(ids(mine)).toEqual([]);
    const reads = listReads.length;

    await ada.accept(parcel);
    await waitFor(() => ids(mine).includes(parcel) && !ids(queued).includes(parcel), 'parcel in mine');
    await ada.resolve(parcel, 'solved');
    await waitFor(() => ids(closed).includes(parcel) && !ids(mine).includes(parcel), 'parcel closed');
    // A new visitor shows at the top of the queue as they write.
    const late = await visitorWrites('Hello?');
    await waitFor(() => ids(queued)[0] === late, 'the new conversation first in the queue');
    expect(ids(queued)).toEqual([late, refund]);
    expect(listReads.length).toBe(reads);
  });

  it('follows a filter as the conversation changes', async () => {
    const urgent = await open({ view: 'queued', priority: 'urgent' });
    expect(ids(urgent)).toEqual([]);
    await ada.setPriority(refund, 'urgent');
    await waitFor(() => ids(urgent).includes(refund), 'refund among the urgent ones');
    await ada.setPriority(refund, 'normal');
    await waitFor(() => ids(urgent).length === 0, 'no urgent conversation left');
  });

  it('searches names, emails and messages on the server, and keeps results live', async () => {
    const byMessage = await open({ q: 'REFUND' });
    const byEmail = await open({ q: 'grace@example' });
    expect(ids(byMessage)).toEqual([refund]);
    expect(ids(byEmail)).toEqual([parcel]);
    // Still listed as it changes; a closed search with a view drops it when it leaves the view.
    const queuedSearch = await open({ q: 'refund', view: 'queued' });
    await ada.accept(refund);
    await waitFor(() => ids(queuedSearch).length === 0, 'refund gone from the queued search');
    expect(ids(byMessage)).toEqual([refund]);
    expect(byMessage.getSnapshot().items[0]?.assigneeId).toBe(ada.getSnapshot().agent?.id);
  });

  it('pages with loadMore, in the server order', async () => {
    const all = await open({ view: 'all' });
    const paged = await open({ view: 'all', limit: 1 });
    expect(paged.getSnapshot()).toMatchObject({ hasMore: true, loading: false });
    expect(ids(paged)).toEqual(ids(all).slice(0, 1));
    while (paged.getSnapshot().hasMore) await paged.loadMore();
    expect(ids(paged)).toEqual(ids(all));
  });

  it('rejects a bad query with the server’s code, in the view’s state too', async () => {
    const view = ada.view({ createdFrom: 'last week' });
    views.push(view);
    const error = await view.ready().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('invalid_payload');
    expect(view.getSnapshot().error?.code).toBe('invalid_payload');
  });
});
