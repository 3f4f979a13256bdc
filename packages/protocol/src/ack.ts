import type { ProtocolError } from './errors.js';

/** Every socket request is acknowledged with exactly one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export type AckCallback<T> = (ack: Ack<T>) => void;
