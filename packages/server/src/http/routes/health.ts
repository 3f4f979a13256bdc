import { Hono } from 'hono';
import type { Store } from '../../db/store.js';
import type { HttpEnv } from '../context.js';

/** Liveness plus a cheap database round trip, so a wedged store shows up as unhealthy. */
export function healthRoutes(store: Store) {
  return new Hono<HttpEnv>().get('/', async (c) => {
    await store.sites.count();
    return c.json({ status: 'ok' });
  });
}
