import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Ack } from '@switchboard/protocol';
import { silentLogger } from '../lib/logger.js';
import { handle } from './handle.js';

const call = (listener: (payload: unknown, ack: unknown) => void, payload: unknown) =>
  new Promise<Ack<unknown>>((resolve) => listener(payload, resolve));

describe('handle', () => {
  const schema = z.strictObject({ n: z.number() });

  it('acks the result, or invalid_payload for a bad payload', async () => {
    const listener = handle(schema, ({ n }) => Promise.resolve(n * 2), { logger: silentLogger });
    expect(await call(listener, { n: 2 })).toEqual({ ok: true, data: 4 });
    expect(await call(listener, { n: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('still acks, with internal, when the handler throws synchronously or the schema itself is broken', async () => {
    const throwing = handle(
      schema,
      () => {
        throw new TypeError('bug');
      },
      { logger: silentLogger },
    );
    expect(await call(throwing, { n: 1 })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal server error' },
    });
    const broken = handle(undefined as unknown as typeof schema, () => Promise.resolve(1), {
      logger: silentLogger,
    });
    expect(await call(broken, { n: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
