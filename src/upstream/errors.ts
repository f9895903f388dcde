// What can go wrong with an upstream call, as one typed error; the GraphQL formatter and the REST
// router read these and nothing else of the HTTP client.
import type { OperationId } from '../contract/wire.ts';

/**
 * http: the upstream answered with an error status; timeout: no answer in time;
 * unavailable: no connection, or it broke; bad_response: an answer that is not the contract's;
 * auth: the upstream refused the gateway's own credentials (a 401 that outlived one renewal, or
 * the token endpoint gave no token), which is never the caller's fault.
 */
export type UpstreamFailure = 'http' | 'timeout' | 'unavailable' | 'bad_response' | 'auth';

export class UpstreamError extends Error {
  readonly failure: UpstreamFailure;
  readonly operationId: OperationId;
  /** The upstream's HTTP status, for `http` failures. */
  readonly status: number | undefined;
  /** The upstream's error body when it was JSON: the REST router hands it on as it came. */
  readonly body: unknown;

  constructor(
    failure: UpstreamFailure,
    operationId: OperationId,
    message: string,
    status?: number,
    body?: unknown,
  ) {
    super(message);
    this.name = 'UpstreamError';
    this.failure = failure;
    this.operationId = operationId;
    this.status = status;
    this.body = body;
  }
}

/** The message of either error body of the contract (`errorBody` or the usage `error`). */
export function upstreamMessage(body: unknown, status: number): string {
  if (
    body &&
    typeof body === 'object' &&
    'message' in body &&
    typeof body.message === 'string' &&
    body.message
  ) {
    return body.message;
  }
  return `The upstream answered ${status}`;
}
