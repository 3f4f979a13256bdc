import { z } from 'zod';
import { IDENTITY_VERIFICATION_MODES } from '../constants.js';
import { UploadLimits } from './attachment.js';
import { Availability } from './business-hours.js';
import { Id, Timestamp } from './common.js';
import { PreChatSettings } from './pre-chat.js';

/** Whether the server checks `identifierHash` on visitor identities. */
export const IdentityVerification = z.enum(IDENTITY_VERIFICATION_MODES);
export type IdentityVerification = z.infer<typeof IdentityVerification>;

/** A site is the inbox a widget belongs to; its public key is safe to ship in page HTML. */
export const Site = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  siteKey: z.string().min(8).max(64),
  identityVerification: IdentityVerification,
  createdAt: Timestamp,
});
export interface Site extends z.infer<typeof Site> {}

/** The part of a site a visitor may see. */
export const PublicSite = Site.pick({ id: true, name: true }).extend({
  /** Whether agents are in now; absent business hours mean always open. */
  availability: Availability,
  /** The form a visitor fills in before their first conversation; null when the site has none (or it is off). */
  preChat: PreChatSettings.nullable(),
  /** What the visitor may upload, so the widget can refuse a file before sending it. */
  uploads: UploadLimits,
});
export interface PublicSite extends z.infer<typeof PublicSite> {}
