import { Hono } from 'hono';
import { CreateLabelRequest, Id, UpdateLabelRequest } from '@switchboard/protocol/schemas';
import { z } from 'zod';
import type { LabelService } from '../../services/labels.js';
import type { SessionService } from '../../services/sessions.js';
import type { HttpEnv } from '../context.js';
import { requireAgent } from '../middleware.js';
import { jsonBody, query } from '../validate.js';

const LabelListQuery = z.strictObject({ siteId: Id.optional() });

/**
 * `GET /v1/labels` (`?siteId=` for one site): the sites' labels, defaults first.
 * `POST /v1/labels`: a custom label (`label:created`). `PATCH /v1/labels/:id`: rename or recolour
 * (`label:updated`). Agents only.
 */
export function labelRoutes(sessions: SessionService, labels: LabelService) {
  return new Hono<HttpEnv>()
    .use(requireAgent(sessions))
    .get('/', async (c) => c.json(await labels.list(c.var.viewer, query(c, LabelListQuery).siteId)))
    .post('/', async (c) =>
      c.json(await labels.create(c.var.viewer, await jsonBody(c, CreateLabelRequest)), 201),
    )
    .patch('/:id', async (c) =>
      c.json(await labels.update(c.var.viewer, c.req.param('id'), await jsonBody(c, UpdateLabelRequest))),
    );
}
