// Faults injected into the real server from outside its source: a broadcast that never reaches a
// socket, an acknowledgement lost on the way back, a connection dropped under a client.
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@switchboard/protocol';
import type { TestServer } from './server.js';

type Namespace = ReturnType<TestServer['switchboard']['io']['of']>;
export type ServerSocket = Namespace['sockets'] extends Map<string, infer Socket> ? Socket : never;

export function agentSockets(server: TestServer): ServerSocket[] {
  return [...server.switchboard.io.of(AGENT_NAMESPACE).sockets.values()];
}

export function visitorSockets(server: TestServer): ServerSocket[] {
  return [...server.switchboard.io.of(VISITOR_NAMESPACE).sockets.values()];
}

/** The server side of a visitor client's socket. */
export function visitorSocketOf(server: TestServer, contactId: string | undefined): ServerSocket {
  const socket = visitorSockets(server).find(
    (s) => (s.data as { viewer?: { contactId?: string } } | undefined)?.viewer?.contactId === contactId,
  );
  if (!socket) throw new Error(`no visitor socket for contact ${contactId}`);
  return socket;
}

/** Takes the socket out of its rooms, so broadcasts miss it; the returned function puts it back. */
export function missBroadcasts(socket: ServerSocket): () => void {
  const rooms = [...socket.rooms].filter((room) => room !== socket.id);
  for (const room of rooms) void socket.leave(room);
  return () => {
    for (const room of rooms) void socket.join(room);
  };
}

/**
 * Lets the server handle the next `count` `event` requests on this socket but throws their acks
 * away, as a network losing the answer would. Returns the payload of every `event` seen.
 */
export function loseAcks(socket: ServerSocket, event: string, count = 1): unknown[] {
  const seen: unknown[] = [];
  let toLose = count;
  socket.use((packet, next) => {
    if (packet[0] === event) {
      seen.push(packet[1]);
      if (toLose > 0 && typeof packet[2] === 'function') {
        toLose -= 1;
        packet[2] = () => undefined;
      }
    }
    next();
  });
  return seen;
}

/** Closes the transport under every socket of the namespace without a goodbye: a network drop. */
export function dropTransports(sockets: ServerSocket[]): void {
  for (const socket of sockets) socket.conn.close();
}
