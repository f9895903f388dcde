// The error a limit refuses with: a leaf, so the error formatter can know it without importing the limits.
import type { ErrorCode } from '../shared/error-codes.ts';

/** A limit's refusal; the error formatter restores its code, which validation would otherwise replace. */
export class LimitError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode) {
    super(message);
    this.name = 'LimitError';
    this.code = code;
  }
}
