// A bare socket.io server on a random port, for tests that need only a handful of events.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';

export async function startSocketServer(
  options: Partial<ServerOptions> = {},
): Promise<{ io: Server; url: string; close: () => Promise<void> }> {
  const http = createServer();
  const io = new Server(http, options);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    io,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        void io.close(() => resolve());
      }),
  };
}
