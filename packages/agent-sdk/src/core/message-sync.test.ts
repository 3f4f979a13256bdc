import type { Message, MessagePage } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import type { HttpClient, HttpRequest } from './http.js';
import { mergeMessages } from './message-log.js';
import { createMessageSync, type MessageSource } from './message-sync.js';

/** A server holding messages 1..total, paging `?afterSeq=` the way the real one does. */
function fakeHistory(total: number) {
  const all = Array.from({ length: total }, (_, i) => message(i + 1));
  const requests: HttpRequest['query'][] = [];
  const http: HttpClient = {
    request<T>(request: HttpRequest): Promise<T> {
      requests.push(request.query);
      const after = Number(request.query?.afterSeq);
      const limit = Number(request.query?.limit);
      const rest = all.filter((m) => m.seq > after);
      const page: MessagePage = { items: rest.slice(0, limit), hasMore: rest.length > limit };
      return Promise.resolve(page as T);
    },
  };
  return { all, http, requests };
}

function harness(total: number, initial: Message[] | undefined) {
  const server = fakeHistory(total);
  let held = initial;
  const applied: [number[], MessageSource][] = [];
  const sync = createMessageSync({
    http: server.http,
    getMessages: () => held,
    apply: (_id, messages, source) => {
      applied.push([messages.map((m) => m.seq), source]);
      held = mergeMessages(held ?? [], messages) as Message[];
    },
    onError: (error) => {
      throw error;
    },
  });
  return { server, sync, held: () => held, applied };
}

describe('message sync', () => {
  it('catches up page by page until hasMore is false', async () => {
    const h = harness(450, [message(1), message(2)]);
    await h.sync.catchUp('c1');
    expect(h.server.requests.map((q) => q?.afterSeq)).toEqual([2, 202, 402]);
    expect(h.held()?.map((m) => m.seq)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(h.applied.every(([, source]) => source === 'catch-up')).toBe(true);
  });

  it('fetches from before a gap, not from the gapped message', async () => {
    const h = harness(6, [message(1), message(2), message(3)]);
    h.sync.receive(message(6));
    // The gapped message is shown at once...
    expect(h.applied[0]).toEqual([[6], 'live']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // ...and the hole behind it is filled from seq 3 on.
    expect(h.server.requests[0]?.afterSeq).toBe(3);
    expect(h.held()?.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not look for gaps in a conversation whose history was never loaded', async () => {
    const h = harness(10, undefined);
    h.sync.receive(message(10));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.server.requests).toEqual([]);
  });

  it('ignores duplicates and in-order messages', async () => {
    const h = harness(4, [message(1), message(2), message(3)]);
    h.sync.receive(message(3));
    h.sync.receive(message(4));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.server.requests).toEqual([]);
    expect(h.held()?.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });
});
