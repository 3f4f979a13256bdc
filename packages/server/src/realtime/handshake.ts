import type { Socket } from 'socket.io';
import { toProtocolError, AppError } from '../lib/app-error.js';
import type { SessionService } from '../services/sessions.js';
import type { Viewer } from '../services/viewer.js';

export interface SocketData {
  viewer: Viewer;
}

/**
 * Authenticates a socket from its handshake `auth` payload (never the URL, which ends up in
 * logs). Visitors are also held to their site's origin allowlist. Failures reach the client as
 * `connect_error` with `err.data = { code, message }`.
 */
export function authenticateSocket(sessions: SessionService, kind: Viewer['kind']) {
  return (socket: Socket, next: (error?: Error) => void) => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    sessions
      .authenticate(typeof token === 'string' ? token : undefined)
      .then(async (viewer) => {
        if (viewer.kind !== kind) throw new AppError('unauthorized', `This namespace is for ${kind}s`);
        if (
          viewer.kind === 'visitor' &&
          !(await sessions.originAllowed(viewer.siteId, socket.handshake.headers.origin))
        ) {
          throw new AppError('origin_not_allowed', 'Origin not allowed for this site');
        }
        (socket.data as SocketData).viewer = viewer;
        next();
      })
      .catch((error: unknown) => {
        const protocolError = toProtocolError(error);
        next(Object.assign(new Error(protocolError.message), { data: protocolError }));
      });
  };
}
