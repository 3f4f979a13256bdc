import type { ErrorCode, ProtocolError } from '@switchboard/protocol';
import type { z } from 'zod';

/** A failure the client caused or may handle; anything else is a bug and reported as `internal`. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ProtocolError['issues'],
  ) {
    super(message);
  }

  toProtocol(): ProtocolError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static invalid(error: z.ZodError, what = 'payload'): AppError {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const first = issues[0];
    const summary = first ? `${first.path}: ${first.message}` : 'invalid';
    return new AppError('invalid_payload', `Invalid ${what} (${summary})`, issues);
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
}

/** Converts anything thrown into a protocol error, hiding internals of unexpected failures. */
export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof AppError) return error.toProtocol();
  return { code: 'internal', message: 'Internal server error' };
}
