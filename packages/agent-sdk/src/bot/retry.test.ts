import { describe, expect, it, vi } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { withRetries } from './retry.js';

const go = () => Promise.resolve(true);

describe('withRetries', () => {
  it('retries temporary failures with the same call until it succeeds', async () => {
    const attempt = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new SwitchboardError('network', 'dropped'))
      .mockRejectedValueOnce(new SwitchboardError('timeout', 'no ack'))
      .mockResolvedValue('stored');
    const pause = vi.fn(go);
    await expect(withRetries(attempt, { maxAttempts: 3, pause })).resolves.toBe('stored');
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(pause.mock.calls).toEqual([[0], [1]]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const attempt = vi.fn(() => Promise.reject(new SwitchboardError('network', 'down')));
    await expect(withRetries(attempt, { maxAttempts: 2, pause: go })).rejects.toMatchObject({
      code: 'network',
    });
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('does not retry what retrying cannot fix', async () => {
    const attempt = vi.fn(() => Promise.reject(new SwitchboardError('bot_muted', 'a person took over')));
    const pause = vi.fn(go);
    await expect(withRetries(attempt, { maxAttempts: 5, pause })).rejects.toMatchObject({
      code: 'bot_muted',
    });
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(pause).not.toHaveBeenCalled();
  });

  it('stops when the pause says so', async () => {
    const attempt = vi.fn(() => Promise.reject(new SwitchboardError('network', 'down')));
    await expect(
      withRetries(attempt, { maxAttempts: 5, pause: () => Promise.resolve(false) }),
    ).rejects.toMatchObject({ code: 'network' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('turns anything else thrown into an internal SwitchboardError', async () => {
    await expect(
      withRetries(() => Promise.reject(new Error('bug')), { maxAttempts: 1, pause: go }),
    ).rejects.toMatchObject({ name: 'SwitchboardError', code: 'internal', message: 'bug' });
  });
});
