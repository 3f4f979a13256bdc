import { describe, expect, it } from 'vitest';
import { ClientMessageId } from './schemas/common.js';
import { ulid, ulidTime } from './ulid.js';

describe('ulid', () => {
  it('mints ids the ClientMessageId schema accepts', () => {
    for (let i = 0; i < 200; i++) expect(ClientMessageId.safeParse(ulid()).success).toBe(true);
  });

  it('encodes the time so ids sort by creation', () => {
    const early = ulid(1_700_000_000_000);
    const late = ulid(1_700_000_000_001);
    expect(ulidTime(early)).toBe(1_700_000_000_000);
    expect(early < late).toBe(true);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => ulid()));
    expect(ids.size).toBe(5000);
  });
});
