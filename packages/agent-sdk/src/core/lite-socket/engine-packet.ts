// engine.io protocol v4 over WebSocket: each text frame is one packet, a type digit followed by
// its data (https://socket.io/docs/v4/engine-io-protocol/). Binary frames carry binary messages,
// which nothing in Switchboard's protocol sends (attachments go over HTTP).

export const ENGINE_OPEN = '0';
export const ENGINE_CLOSE = '1';
export const ENGINE_PING = '2';
export const ENGINE_PONG = '3';
export const ENGINE_MESSAGE = '4';

/** Where the engine.io endpoint of `serverUrl` is, as a `ws:`/`wss:` URL for WebSocket only. */
export function engineUrl(serverUrl: string, base?: string): string {
  // Like socket.io-client, the path of the server URL is ignored: the endpoint is /socket.io/.
  const url = new URL('/socket.io/?EIO=4&transport=websocket', new URL(serverUrl, base));
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * How long the connection may stay silent before it counts as dead, from the open packet's data
 * (`{"sid","upgrades","pingInterval","pingTimeout","maxPayload"}`): the server pings every
 * `pingInterval` and gives up `pingTimeout` after a ping nobody answered. `null` if malformed.
 */
export function heartbeatTimeoutOf(openData: string): number | null {
  try {
    const { pingInterval, pingTimeout } = JSON.parse(openData) as Record<string, unknown>;
    if (typeof pingInterval === 'number' && typeof pingTimeout === 'number') {
      return pingInterval + pingTimeout;
    }
  } catch {
    // Not JSON: malformed, as below.
  }
  return null;
}
