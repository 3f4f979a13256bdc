import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid, type Conversation } from '@switchboard/protocol';
import type { Store } from '../store.js';
import { createSqliteStore } from './index.js';

let dir: string;
let store: Store;
let conversation: Conversation;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
  store = createSqliteStore(join(dir, 'store.sqlite'));
  const site = await store.sites.create({
    name: 's',
    siteKey: 'pk_store_test',
    identitySecret: 'z'.repeat(32),
    identityVerification: 'off',
    allowedOrigins: [],
  });
  const contact = await store.contacts.create({ siteId: site.id, resumeSecretHash: 'h' });
  ({ conversation } = await store.conversations.openOrCreate({
    siteId: site.id,
    contactId: contact.id,
    channel: 'web',
    status: 'queued',
    queueId: null,
  }));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const visitorMessage = (text: string, clientMessageId = ulid()) => ({
  conversationId: conversation.id,
  clientMessageId,
  authorKind: 'visitor' as const,
  authorId: conversation.contactId,
  kind: 'text' as const,
  text,
});

describe('sqlite messages.append', () => {
  it('hands out contiguous seqs to concurrent appends', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.messages.append(visitorMessage(`m${i}`))),
    );
    const seqs = results.map((r) => r.message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await store.conversations.byId(conversation.id))?.lastSeq).toBe(50);
  });

  it('returns the original for a repeated clientMessageId without bumping seq', async () => {
    const id = ulid();
    const first = await store.messages.append(visitorMessage('once', id));
    const again = await store.messages.append(visitorMessage('a different text', id));
    expect(again.duplicate).toBe(true);
    expect(again.message).toEqual(first.message);
    expect((await store.conversations.byId(conversation.id))?.lastSeq).toBe(first.message.seq);
  });

  it('rolls back completely when the conversation does not exist', async () => {
    await expect(
      store.messages.append({ ...visitorMessage('x'), conversationId: 'missing' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const page = await store.messages.history('missing', { limit: 10, includeNotes: true });
    expect(page.items).toEqual([]);
  });

  it('opens one conversation per contact however often it is asked', async () => {
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        store.conversations.openOrCreate({
          siteId: conversation.siteId,
          contactId: conversation.contactId,
          channel: 'web',
          status: 'queued',
          queueId: null,
        }),
      ),
    );
    expect(new Set(again.map((r) => r.conversation.id))).toEqual(new Set([conversation.id]));
    expect(again.every((r) => !r.created)).toBe(true);
  });
});
