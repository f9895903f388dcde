// A refusal the sandbox answers on purpose, rendered with the operation's own error body.

import type { ErrorSchema } from '../contract/openapi.ts';
import type { ErrorBody, UsageError } from '../contract/wire.ts';

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);

const USAGE_CODES: Record<number, string> = {
  400: 'INVALID_PARAMETERS',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_ERROR',
};

/** `errorBody` for most operations, `error` for the usage ones, as the contract says. */
export function errorBodyFor(schema: ErrorSchema, status: number, message: string): ErrorBody | UsageError {
  if (schema === 'ErrorBody') return { code: status, message };
  return {
    statusCode: status,
    code: USAGE_CODES[status] ?? 'ERROR',
    message,
    developerMessage: status >= 500 ? 'The sandbox failed to answer; see its log.' : message,
  };
}
