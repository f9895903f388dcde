// A refusal answered on purpose by a server of the contract (the sandbox, the REST router),
// rendered with the operation's own error body.
import type { ErrorSchema } from './openapi.ts';
import type { ErrorBody, UsageError } from './wire.ts';

export class ApiError extends Error {
  readonly status: number;
  /** For a 405: the methods the path has. */
  readonly allow: string | undefined;
  constructor(status: number, message: string, allow?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.allow = allow;
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);

const USAGE_CODES: Record<number, string> = {
  400: 'INVALID_PARAMETERS',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** `errorBody` for most operations, `error` for the usage ones, as the contract says. */
export function errorBodyFor(schema: ErrorSchema, status: number, message: string): ErrorBody | UsageError {
  if (schema === 'ErrorBody') return { code: status, message };
  return {
    statusCode: status,
    code: USAGE_CODES[status] ?? 'ERROR',
    message,
    developerMessage: status >= 500 ? 'The server failed to answer; see its log.' : message,
  };
}
