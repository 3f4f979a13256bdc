// Client plumbing shared by the benchmarks.
import { io, type Socket } from 'socket.io-client';

/** A fresh websocket-only socket.io connection; rejects on a refused handshake. */
export function connect(url: string, token?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      auth: token ? { token } : {},
      forceNew: true,
      reconnection: false,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** `count` visitor sockets on the demo site, opened 50 at a time. */
export async function visitorSockets(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, async () => {
          const { token } = await post<{ token: string }>(`${url}/v1/visitor/sessions`, {
            siteKey: 'pk_demo_switchboard',
          });
          return connect(`${url}/visitor`, token);
        }),
      )),
    );
  }
  return sockets;
}
