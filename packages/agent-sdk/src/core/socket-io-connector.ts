import { Manager, type ManagerOptions } from 'socket.io-client';
import type { LooseSocket, SocketConnector } from './socket.js';

/**
 * Sockets from socket.io-client: WebSocket with a fallback to HTTP long-polling, in Node as in
 * browsers. The default for every client of this entry point.
 * @param managerOptions Extra socket.io Manager options (e.g. `path`, `transports`); they win over
 * the client's own.
 */
export function socketIoConnector(managerOptions: Partial<ManagerOptions> = {}): SocketConnector {
  return (serverUrl, namespace, { auth, ...reconnection }) => {
    // One Manager (one engine.io connection) per socket: the transport owns a single namespace.
    const manager = new Manager(serverUrl, {
      autoConnect: false,
      reconnection: true,
      ...reconnection,
      ...managerOptions,
    });
    // socket.io's Socket generics cannot be threaded through a generic transport without fighting
    // its conditional types, hence the structural view.
    return manager.socket(namespace, { auth }) as unknown as LooseSocket;
  };
}
