// The sites' label sets: the defaults every site starts with and the ones agents create.
import type { CreateLabelRequest, Label, UpdateLabelRequest } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { Viewer } from './viewer.js';

export interface LabelService {
  /** Every site's labels (agents see every site), or one site's. */
  list(viewer: Viewer, siteId?: string): Promise<Label[]>;
  /** `conflict` when the site has a label of that name (ignoring case). */
  create(viewer: Viewer, request: CreateLabelRequest): Promise<Label>;
  update(viewer: Viewer, labelId: string, changes: UpdateLabelRequest): Promise<Label>;
}

function requireAgent(viewer: Viewer): string {
  if (viewer.kind !== 'agent') throw new AppError('forbidden', 'Only agents manage labels');
  return viewer.agentId;
}

export function createLabelService({ store, bus }: { store: Store; bus: EventBus }): LabelService {
  return {
    async list(viewer, siteId) {
      requireAgent(viewer);
      return store.labels.list(siteId);
    },
    async create(viewer, { siteId, name, color }) {
      const createdBy = requireAgent(viewer);
      const label = await store.labels.create({ siteId, name, color, createdBy });
      bus.publish('label.created', { label });
      return label;
    },
    async update(viewer, labelId, changes) {
      requireAgent(viewer);
      const label = await store.labels.update(labelId, changes);
      if (!label) throw AppError.notFound('Label');
      bus.publish('label.updated', { label });
      return label;
    },
  };
}
