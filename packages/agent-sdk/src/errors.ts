import { isErrorCode, type ErrorCode, type ProtocolError } from '@switchboard/protocol';

/** Every failure the SDK reports: a protocol error code plus a human-readable message. */
export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError';
  readonly code: ErrorCode | 'network' | 'timeout';
  readonly issues: ProtocolError['issues'];

  constructor(code: SwitchboardError['code'], message: string, issues?: ProtocolError['issues']) {
    super(message);
    this.code = code;
    this.issues = issues;
  }

  static from(error: ProtocolError): SwitchboardError {
    return new SwitchboardError(error.code, error.message, error.issues);
  }

  /** Whether trying the same request again may succeed. */
  get retryable(): boolean {
    // `context_unavailable`: the shop behind the server, not the server, failed; it may be back soon.
    return ['network', 'timeout', 'internal', 'rate_limited', 'context_unavailable'].includes(this.code);
  }
}

/**
 * The error a server payload describes, `{ code, message?, issues? }` (an HTTP error body's
 * `error`, an error ack's `error`, a refused handshake's `data`); `null` if it names no known code.
 * @param fallbackMessage The message when the payload has none. @default the code
 */
export function errorFromPayload(payload: unknown, fallbackMessage?: string): SwitchboardError | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { code, message, issues } = payload as Record<string, unknown>;
  if (!isErrorCode(code)) return null;
  return new SwitchboardError(
    code,
    typeof message === 'string' ? message : (fallbackMessage ?? code),
    Array.isArray(issues) ? (issues as ProtocolError['issues']) : undefined,
  );
}
