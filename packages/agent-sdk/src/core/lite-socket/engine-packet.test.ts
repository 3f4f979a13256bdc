import { describe, expect, it } from 'vitest';
import { engineUrl, heartbeatTimeoutOf } from './engine-packet.js';

describe('engineUrl', () => {
  it('points at the WebSocket endpoint of engine.io v4', () => {
    expect(engineUrl('http://127.0.0.1:3000')).toBe(
      'ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket',
    );
    expect(engineUrl('https://chat.example.com')).toBe(
      'wss://chat.example.com/socket.io/?EIO=4&transport=websocket',
    );
  });

  it('ignores the server URL’s path and query, as socket.io-client does', () => {
    expect(engineUrl('https://example.com/support/?x=1')).toBe(
      'wss://example.com/socket.io/?EIO=4&transport=websocket',
    );
  });

  it('resolves a relative server URL against the page', () => {
    expect(engineUrl('/', 'https://shop.example.com/cart')).toBe(
      'wss://shop.example.com/socket.io/?EIO=4&transport=websocket',
    );
  });
});

describe('heartbeatTimeoutOf', () => {
  it('allows a ping interval plus the ping timeout of silence', () => {
    const open = JSON.stringify({
      sid: 's',
      upgrades: [],
      pingInterval: 25000,
      pingTimeout: 20000,
      maxPayload: 1e6,
    });
    expect(heartbeatTimeoutOf(open)).toBe(45000);
  });

  it.each([['{"sid":"s"}'], ['{"pingInterval":"25000","pingTimeout":1}'], ['not json'], ['null']])(
    'refuses a malformed open packet: %s',
    (data) => {
      expect(heartbeatTimeoutOf(data)).toBeNull();
    },
  );
});
