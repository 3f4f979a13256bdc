import { describe, expect, it } from 'vitest';
import { describeError, errorCode } from './describe-error.js';

class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

describe('describeError', () => {
  it('explains known codes in plain words', () => {
    expect(describeError(new CodedError('unauthorized', 'invalid credentials'))).toBe(
      'The email or password is not right.',
    );
    expect(describeError(new CodedError('network', 'fetch failed'))).toMatch(/Cannot reach the server/);
  });

  it("falls back to the error's own message, then to a generic sentence", () => {
    expect(describeError(new CodedError('invalid_payload', 'email: must be an email'))).toBe(
      'email: must be an email',
    );
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('weird')).toBe('Something went wrong. Try again.');
  });
});

describe('errorCode', () => {
  it('reads a string code and ignores anything else', () => {
    expect(errorCode(new CodedError('forbidden', 'no'))).toBe('forbidden');
    expect(errorCode({ code: 42 })).toBeNull();
    expect(errorCode(null)).toBeNull();
  });
});
