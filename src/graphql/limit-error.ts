// The error a limit refuses with: a leaf, so the error formatter can know it without importing the limits.

/** A limit's refusal; the error formatter restores its code, which validation would otherwise replace. */
export class LimitError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'LimitError';
    this.code = code;
  }
}
