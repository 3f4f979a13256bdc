import { z } from 'zod';
import { Attributes, Id, Timestamp } from './common.js';

/** A visitor or customer, scoped to one site. */
export const Contact = z.object({
  id: Id,
  siteId: Id,
  externalId: z.string().max(255).nullable(),
  name: z.string().max(255).nullable(),
  email: z.string().max(320).nullable(),
  phone: z.string().max(32).nullable(),
  avatarUrl: z.string().max(2048).nullable(),
  attributes: Attributes,
  createdAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;
