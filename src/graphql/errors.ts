// The one mapping from failures to client errors: an upstream failure's code, and the code of any
// error GraphQL answers with (the codes and their HTTP statuses: src/shared/error-codes.ts).
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ExecutionCode } from '../shared/error-codes.ts';
import { UpstreamError } from '../upstream/errors.ts';
import { HeldOff } from '../upstream/resilience.ts';
import { LimitError } from './limit-error.ts';
import { InputError } from './scalars.ts';

const BY_UPSTREAM_STATUS: Record<number, ExecutionCode> = {
  400: 'BAD_USER_INPUT',
  // The upstream refused the gateway's credentials, not the caller's: logging in again would not help.
  401: 'UPSTREAM_AUTH_FAILED',
  // The operator's refusal, never the gateway's own FORBIDDEN (a token that may not reach the line).
  // A write's refusal is data (userErrors, src/graphql/refusals.ts); this is for any other call.
  403: 'REFUSED',
  404: 'NOT_FOUND',
  409: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
  429: 'UPSTREAM_RATE_LIMITED',
  // What sits in front of the upstream (a proxy, an API gateway) answers these for it.
  502: 'UPSTREAM_UNAVAILABLE',
  503: 'UPSTREAM_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

export function codeOfUpstream(error: UpstreamError): ExecutionCode {
  switch (error.failure) {
    case 'timeout':
      return 'UPSTREAM_TIMEOUT';
    case 'unavailable':
      return 'UPSTREAM_UNAVAILABLE';
    case 'bad_response':
      return 'UPSTREAM_ERROR';
    case 'auth':
      return 'UPSTREAM_AUTH_FAILED';
    case 'http':
      return BY_UPSTREAM_STATUS[error.status ?? 0] ?? 'UPSTREAM_ERROR';
  }
}

/**
 * The code a client sees for an error: an upstream failure's mapped code; a scalar's or a limit's own
 * code (validation would replace it); else the code the error carries.
 */
export function codeOf(error: unknown): string {
  const cause = unwrapResolverError(error);
  if (cause instanceof UpstreamError) return codeOfUpstream(cause);
  if (error instanceof GraphQLError) {
    if (error.originalError instanceof InputError) return 'BAD_USER_INPUT';
    if (error.originalError instanceof LimitError) return error.originalError.code;
    const code = error.extensions?.code;
    if (typeof code === 'string') return code;
  }
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * Apollo's formatError hook: every error gets its code; upstream failures the upstream's message,
 * with the upstream's status and operation shown only outside production.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = codeOf(error);
    const cause = unwrapResolverError(error);
    if (cause instanceof UpstreamError) {
      return {
        ...formatted,
        message: cause.message,
        extensions: {
          ...(production ? {} : formatted.extensions),
          code,
          ...(cause instanceof HeldOff && { retryAfter: cause.retryAfter }),
          ...(!production && { upstream: { operation: cause.operationId, status: cause.status ?? null } }),
        },
      };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  };
}
