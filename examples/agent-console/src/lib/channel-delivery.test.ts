import { describe, expect, it } from 'vitest';
import { channelDeliveryText } from './channel-delivery.js';

const at = '2026-11-22T10:00:00.000Z';

describe('channelDeliveryText', () => {
  it('names each state', () => {
    expect(channelDeliveryText({ state: 'pending', error: null, updatedAt: at })).toBe('Sending…');
    expect(channelDeliveryText({ state: 'read', error: null, updatedAt: at })).toBe('Read');
  });

  it("gives the provider's reason for a failed send", () => {
    expect(
      channelDeliveryText({ state: 'failed', error: 'Message undeliverable (131026)', updatedAt: at }),
    ).toBe('Not delivered: Message undeliverable (131026)');
    expect(channelDeliveryText({ state: 'failed', error: null, updatedAt: at })).toBe('Not delivered');
  });
});
