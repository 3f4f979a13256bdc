import type { ErrorCode, ProtocolError } from '@switchboard/protocol';

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
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'internal' ||
      this.code === 'rate_limited'
    );
  }
}
