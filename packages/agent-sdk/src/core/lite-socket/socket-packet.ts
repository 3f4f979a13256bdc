// socket.io protocol v5 packets, carried as the data of engine.io `message` packets:
// `<type>[<namespace>,][<ack id>][<JSON data>]`, e.g. `42/visitor,7["message:send",{…}]`
// (https://socket.io/docs/v4/socket-io-protocol/). The binary types (5, 6) are not supported:
// nothing in Switchboard's protocol is binary.

export const CONNECT = 0;
export const DISCONNECT = 1;
export const EVENT = 2;
export const ACK = 3;
export const CONNECT_ERROR = 4;

export interface SocketPacket {
  type: number;
  /** `/` for the main namespace, else e.g. `/visitor`. */
  nsp: string;
  /** Set on an event that wants an acknowledgement, and on that acknowledgement. */
  id?: number | undefined;
  data?: unknown;
}

/** Event names that socket.io keeps for itself: a server may not send them as events. */
const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

export function encodeSocketPacket({ type, nsp, id, data }: SocketPacket): string {
  return `${type}${nsp === '/' ? '' : `${nsp},`}${id ?? ''}${data === undefined ? '' : JSON.stringify(data)}`;
}

/** The packet, or `null` if the text is not a well-formed packet of a supported type. */
export function decodeSocketPacket(text: string): SocketPacket | null {
  const match = /^([0-4])(\/[^,]*,)?(\d*)([^]*)$/.exec(text);
  if (!match) return null;
  const [, type, nsp, id, json] = match as unknown as [string, string, string | undefined, string, string];
  let data: unknown;
  try {
    data = json ? JSON.parse(json) : undefined;
  } catch {
    return null;
  }
  const packet: SocketPacket = {
    type: Number(type),
    nsp: nsp ? nsp.slice(0, -1) : '/',
    id: id ? Number(id) : undefined,
    data,
  };
  return isValid(packet) ? packet : null;
}

// socket.io-parser's checks, so a packet we accept is one socket.io-client would (it also takes
// numbers as event names, which Switchboard never sends).
function isValid({ type, id, data }: SocketPacket): boolean {
  switch (type) {
    case CONNECT:
      return isObject(data);
    case DISCONNECT:
      return data === undefined;
    case EVENT:
      return Array.isArray(data) && typeof data[0] === 'string' && !RESERVED.includes(data[0]);
    case ACK:
      return Array.isArray(data) && id !== undefined;
    default: // CONNECT_ERROR
      return typeof data === 'string' || isObject(data);
  }
}
