import { ClientMessageId } from '@switchboard/protocol/schemas';
import { describe, expect, it } from 'vitest';
import { derivedMessageId } from './derived-id.js';

describe('derivedMessageId', () => {
  it('is a valid clientMessageId, stable for a seed and different across seeds', () => {
    const ids = Array.from({ length: 200 }, (_, i) => derivedMessageId(`delivery-${i}:0`));
    for (const id of ids) expect(ClientMessageId.safeParse(id).success).toBe(true);
    expect(derivedMessageId('delivery-7:0')).toBe(ids[7]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
