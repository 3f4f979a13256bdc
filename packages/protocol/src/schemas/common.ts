import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '../constants.js';

/** Server-minted identifiers are ULIDs; we accept any short opaque id so stores may differ. */
export const Id = z.string().min(1).max(64);

/** A client-minted ULID: 26 Crockford base32 characters. */
export const ClientMessageId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 Crockford base32 characters)');

/** ISO-8601 timestamp in UTC, as produced by `Date.prototype.toISOString`. */
export const Timestamp = z.iso.datetime();

/** A per-conversation message sequence number; the first message is 1. */
export const Seq = z.number().int().nonnegative();

export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Free-form contact attributes: flat scalars only, so they index and display predictably. */
export const Attributes = z.record(
  z.string().min(1).max(64),
  z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
);
export type Attributes = z.infer<typeof Attributes>;
