import { describe, expect, it } from 'vitest';
import { WINDOW_MS, windowBlocks } from './window.js';

describe('the 24-hour customer-service window', () => {
  const now = Date.UTC(2025, 5, 1, 12);

  it('lets free-form messages go for 24 hours after the customer last wrote', () => {
    expect(windowBlocks(now - 1000, now)).toBeNull();
    expect(windowBlocks(now - WINDOW_MS + 1, now)).toBeNull();
  });

  it('asks for a template once the window closed, or before the customer ever wrote', () => {
    expect(windowBlocks(now - WINDOW_MS, now)).toMatch(/24 hours.*template/);
    expect(windowBlocks(null, now)).toMatch(/not written.*template/);
  });
});
