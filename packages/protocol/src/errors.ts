/**
 * Every error the server reports, over HTTP or in a socket ack, carries one of these codes.
 * Clients switch on the code; the message is for humans and may change.
 */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  'conflict',
  'conversation_closed',
  'already_assigned',
  /** A bot spoke while a human owns the conversation; it may speak again after a hand-back. */
  'bot_muted',
  /** The site asks visitors for its pre-chat form (`pre_chat:submit`) before a conversation starts. */
  'pre_chat_required',
  'rate_limited',
  'payload_too_large',
  /** An upload is larger than the server's `maxBytes` (see `UploadLimits`). */
  'file_too_large',
  /** An upload's bytes are not of an allowed type, or not of the type it claims to be. */
  'unsupported_file_type',
  /** A channel webhook's signature (or secret token) is missing, wrong or stale. */
  'invalid_signature',
  /**
   * The channel does not allow a free-form message now: WhatsApp's 24-hour customer-service
   * window is closed, so only an approved template may be sent.
   */
  'channel_window_closed',
  /** The channel provider (or another upstream service) failed or answered nonsense. */
  'upstream_failed',
  /**
   * The contact-context provider (`GET /v1/conversations/:id/context`) could not be reached, took
   * too long, or answered with something that is not a `ContactContext`. Trying later may work.
   */
  'context_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** Field-level details for `invalid_payload`: which path failed and why. */
  issues?: { path: string; message: string }[];
}

/** The HTTP status each code maps to, so REST and socket errors stay in step. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  conversation_closed: 409,
  already_assigned: 409,
  bot_muted: 409,
  pre_chat_required: 409,
  rate_limited: 429,
  payload_too_large: 413,
  file_too_large: 413,
  unsupported_file_type: 415,
  invalid_signature: 401,
  channel_window_closed: 409,
  upstream_failed: 502,
  context_unavailable: 502,
  internal: 500,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
