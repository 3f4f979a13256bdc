import { SwitchboardError } from '@switchboard/agent-sdk';
import { describe, expect, it } from 'vitest';
import { connectionNotice } from './connection-notice.js';

describe('connectionNotice', () => {
  it('says nothing while idle, connecting or connected', () => {
    expect(connectionNotice({ connection: 'idle', error: null })).toBeNull();
    expect(connectionNotice({ connection: 'connecting', error: null })).toBeNull();
    expect(connectionNotice({ connection: 'connected', error: null })).toBeNull();
  });

  it('announces a reconnect and a lost connection', () => {
    expect(connectionNotice({ connection: 'reconnecting', error: null })).toBe('reconnecting');
    expect(connectionNotice({ connection: 'disconnected', error: null })).toBe('offline');
  });

  it('leaves errors a retry will fix to the outbox', () => {
    const error = new SwitchboardError('network', 'offline');
    expect(connectionNotice({ connection: 'reconnecting', error })).toBe('reconnecting');
    expect(connectionNotice({ connection: 'connected', error })).toBeNull();
  });

  it('announces an error that stops the chat, over any connection state', () => {
    const error = new SwitchboardError('origin_not_allowed', 'nope');
    expect(connectionNotice({ connection: 'connected', error })).toBe('unavailable');
    expect(connectionNotice({ connection: 'reconnecting', error })).toBe('unavailable');
  });
});
