import { describe, expect, it } from 'vitest';
import type { Attachment } from '@switchboard/protocol';
import { SwitchboardError } from '../errors.js';
import type { PendingMessage } from '../types.js';
import { fromStored } from './outbox-restore.js';
import { toStored } from './outbox-serialization.js';

const photo: Attachment = {
  id: 'att_1',
  name: 'photo.png',
  contentType: 'image/png',
  size: 120,
  kind: 'image',
  url: '/v1/attachments/att_1/photo.png?key=k',
  width: 8,
  height: 6,
};

const entry: PendingMessage = {
  clientMessageId: '01JCLIENT00000000000000000',
  conversationId: 'c1',
  text: '',
  kind: 'text',
  attachments: [photo],
  createdAt: '2025-01-01T00:00:00.000Z',
  attempts: 1,
  error: new SwitchboardError('file_too_large', 'too big'),
};

const roundTrip = (value: unknown) => fromStored(JSON.parse(JSON.stringify(value)));

describe('outbox entries in storage', () => {
  it('keep their attachments across a reload', () => {
    const restored = roundTrip(toStored(entry));
    expect(restored).toMatchObject({ text: '', attachments: [photo], error: { code: 'file_too_large' } });
  });

  it('read entries stored before attachments as having none', () => {
    const { attachments: _none, ...old } = toStored(entry);
    expect(roundTrip(old)?.attachments).toEqual([]);
  });

  it('drop an entry whose attachments are unreadable rather than send it without them', () => {
    expect(roundTrip({ ...toStored(entry), attachments: [{ id: 'att_1' }] })).toBeNull();
  });

  it('read back without cards, which only agents send (and their outbox is never stored)', () => {
    const card = { title: 'Ridge 2P tent', price: '€249', url: '/#tents' };
    const shared: PendingMessage = { ...entry, cards: [card] };
    expect(roundTrip(toStored(shared))).toMatchObject({ attachments: [photo] });
    expect(roundTrip(toStored(shared))).not.toHaveProperty('cards');
  });
});
