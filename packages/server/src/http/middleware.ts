import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/app-error.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { Store } from '../db/store.js';
import type { SessionService } from '../services/sessions.js';
import type { HttpEnv } from './context.js';

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** Requires `Authorization: Bearer <token>` and puts the viewer on the context. */
export function requireViewer(sessions: SessionService): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    c.set('viewer', await sessions.authenticate(bearerToken(c.req.header('authorization'))));
    await next();
  };
}

/** Like requireViewer, and the viewer must be an agent. */
export function requireAgent(sessions: SessionService): MiddlewareHandler<HttpEnv> {
  const viewer = requireViewer(sessions);
  return async (c, next) =>
    viewer(c, async () => {
      if (c.var.viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents may do this');
      await next();
    });
}

/** An agent with the admin role. */
export function requireAdmin(sessions: SessionService, store: Store): MiddlewareHandler<HttpEnv> {
  const agentsOnly = requireAgent(sessions);
  return async (c, next) =>
    agentsOnly(c, async () => {
      const viewer = c.var.viewer;
      const agent = viewer.kind === 'agent' ? await store.agents.byId(viewer.agentId) : null;
      if (agent?.role !== 'admin') throw new AppError('forbidden', 'Only admins may do this');
      await next();
    });
}

/** Limits requests per client address. */
export function rateLimit(limiter: RateLimiter): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const address = clientAddress(c);
    if (!limiter.take(address)) throw new AppError('rate_limited', 'Too many requests; try again shortly');
    await next();
  };
}

function clientAddress(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return 'in-process';
  }
}
