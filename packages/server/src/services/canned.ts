import type { CannedChange, CannedResponse } from '@switchboard/protocol';
import type { CannedResponseFilter, NewCannedResponse, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';

export interface CannedService {
  list(filter: CannedResponseFilter): Promise<CannedResponse[]>;
  /** `not_found` for an unknown site, `conflict` for a shortcut the site already has. */
  create(input: NewCannedResponse): Promise<CannedResponse>;
  /** `not_found` for an unknown response, `conflict` as for create. */
  update(id: string, changes: Partial<Omit<NewCannedResponse, 'siteId'>>): Promise<CannedResponse>;
  /** `not_found` for an unknown response. */
  remove(id: string): Promise<CannedResponse>;
}

/**
 * Canned responses: each write is one statement or transaction in the store, then every agent
 * hears of it (`canned.changed`), so consoles never show a reply that no longer exists.
 */
export function createCannedService({ store, bus }: { store: Store; bus: EventBus }): CannedService {
  const announce = (change: CannedChange, cannedResponse: CannedResponse) => {
    bus.publish('canned.changed', { change, cannedResponse });
    return cannedResponse;
  };

  return {
    list: (filter) => store.canned.list(filter),

    async create(input) {
      if (!(await store.sites.byId(input.siteId))) throw AppError.notFound('Site');
      return announce('created', await store.canned.create(input));
    },

    async update(id, changes) {
      const updated = await store.canned.update(id, changes);
      if (!updated) throw AppError.notFound('Canned response');
      return announce('updated', updated);
    },

    async remove(id) {
      const deleted = await store.canned.delete(id);
      if (!deleted) throw AppError.notFound('Canned response');
      return announce('deleted', deleted);
    },
  };
}
