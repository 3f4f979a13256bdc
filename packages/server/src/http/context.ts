import type { Viewer } from '../services/viewer.js';

/** Hono environment shared by every route: what middleware puts on the context. */
export interface HttpEnv {
  Variables: { viewer: Viewer };
}
