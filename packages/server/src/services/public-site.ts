import type { PublicSite, UploadLimits } from '@switchboard/protocol';
import type { SiteRecord } from '../db/store.js';
import { availability } from '../domain/availability.js';

/**
 * What any visitor may know of a site, at `at`: its name, whether the team is in, and the
 * pre-chat form when it is on (a form that is off is not shown, so it is not sent), and what
 * they may upload.
 */
export function publicSite(site: SiteRecord, at: number, uploads: UploadLimits): PublicSite {
  return {
    id: site.id,
    name: site.name,
    availability: availability(site.businessHours, at),
    preChat: site.preChat?.enabled ? site.preChat : null,
    uploads,
  };
}
