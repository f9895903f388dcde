// The one mapping from upstream failures to client errors: codeOfUpstream for every failure kind
// and status, the HTTP status of each code, and the Apollo formatError hook in both environments.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { codeOfUpstream, formatError } from '../../src/graphql/errors.ts';
import { EXECUTION_CODES, HTTP_STATUS } from '../../src/shared/error-codes.ts';
import { UpstreamError, upstreamMessage } from '../../src/upstream/errors.ts';

const httpError = (status: number, message = `upstream said ${status}`) =>
  new UpstreamError('http', 'GetStatusOfSubscriberByMSISDN', message, status);

describe('codeOfUpstream', () => {
  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UPSTREAM_AUTH_FAILED'],
    // The operator's refusal; FORBIDDEN is only the gateway's own (a token that may not reach the line).
    [403, 'REFUSED'],
    [404, 'NOT_FOUND'],
    [429, 'UPSTREAM_RATE_LIMITED'],
    [500, 'UPSTREAM_ERROR'],
    [502, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [504, 'UPSTREAM_TIMEOUT'],
    [418, 'UPSTREAM_ERROR'],
    [405, 'UPSTREAM_ERROR'],
    [302, 'UPSTREAM_ERROR'],
  ])('maps an upstream %i to %s', (status, code) => {
    expect(codeOfUpstream(httpError(status))).toBe(code);
  });

  it.each([409, 422])(
    'maps an upstream %i (a conflict with what the client sent) to BAD_USER_INPUT',
    (status) => {
      expect(codeOfUpstream(httpError(status))).toBe('BAD_USER_INPUT');
    },
  );

  it('maps an http failure without a status to UPSTREAM_ERROR', () => {
    expect(codeOfUpstream(new UpstreamError('http', 'GetStatusOfSubscriberByMSISDN', 'no status'))).toBe(
      'UPSTREAM_ERROR',
    );
  });

  it.each([
    ['timeout', 'UPSTREAM_TIMEOUT'],
    ['unavailable', 'UPSTREAM_UNAVAILABLE'],
    ['bad_response', 'UPSTREAM_ERROR'],
    ['auth', 'UPSTREAM_AUTH_FAILED'],
  ] as const)('maps a %s failure to %s', (failure, code) => {
    expect(codeOfUpstream(new UpstreamError(failure, 'GetCurrentPlanDetailsbyMSISDN', 'failed'))).toBe(code);
  });

  it('lets a transport failure win over a status it may carry', () => {
    expect(codeOfUpstream(new UpstreamError('timeout', 'GetCurrentPlanDetailsbyMSISDN', 'late', 404))).toBe(
      'UPSTREAM_TIMEOUT',
    );
    expect(
      codeOfUpstream(new UpstreamError('unavailable', 'GetCurrentPlanDetailsbyMSISDN', 'gone', 400)),
    ).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('HTTP_STATUS', () => {
  it('gives each error code its REST status', () => {
    expect(HTTP_STATUS).toEqual({
      BAD_USER_INPUT: 400,
      UNAUTHENTICATED: 401,
      AUTH_UNAVAILABLE: 503,
      FORBIDDEN: 403,
      REFUSED: 403,
      NOT_FOUND: 404,
      UPSTREAM_ERROR: 502,
      UPSTREAM_TIMEOUT: 504,
      UPSTREAM_UNAVAILABLE: 503,
      UPSTREAM_RATE_LIMITED: 503,
      UPSTREAM_AUTH_FAILED: 502,
    });
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...EXECUTION_CODES].sort());
  });
});

describe('upstreamMessage', () => {
  it('takes the message of either error body of the contract', () => {
    expect(upstreamMessage({ code: 403, message: 'No favorite slots left' }, 403)).toBe(
      'No favorite slots left',
    );
    expect(
      upstreamMessage(
        {
          statusCode: 400,
          code: 'INVALID_PARAMETERS',
          message: 'startDate must not be after endDate',
          developerMessage: 'startDate must not be after endDate',
        },
        400,
      ),
    ).toBe('startDate must not be after endDate');
  });

  it.each([
    ['no body', undefined],
    ['an empty message', { code: 500, message: '' }],
    ['a message that is not a string', { message: 42 }],
    ['a bare array', []],
    ['a string body', 'Unauthorized'],
    ['null', null],
  ])('falls back to the status for %s', (_, body) => {
    expect(upstreamMessage(body, 502)).toBe('The upstream answered 502');
  });
});

/** What Apollo hands formatError for an error a resolver threw: the located error and its formatted form. */
function located(cause: unknown, extensions: Record<string, unknown> = {}) {
  const error = new GraphQLError('Unexpected error.', {
    path: ['subscriber', 'status'],
    originalError: cause as Error,
  });
  const formatted: GraphQLFormattedError = {
    message: 'Unexpected error.',
    locations: [{ line: 1, column: 30 }],
    path: ['subscriber', 'status'],
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: ['UpstreamError: x', '    at call'],
      ...extensions,
    },
  };
  return { error, formatted };
}

describe('formatError(production)', () => {
  const forbidden = httpError(403, 'The line is blocked: it cannot acquire offers');

  it('keeps the message, path and locations, the code alone in extensions: no upstream, no stacktrace', () => {
    const { error, formatted } = located(forbidden);
    expect(formatError(true)(formatted, error)).toEqual({
      message: 'The line is blocked: it cannot acquire offers',
      locations: [{ line: 1, column: 30 }],
      path: ['subscriber', 'status'],
      extensions: { code: 'REFUSED' },
    });
  });

  it.each([
    ['a timeout', new UpstreamError('timeout', 'GetPhoneLeaseDetailsbyMSISDN', 'late'), 'UPSTREAM_TIMEOUT'],
    [
      'a lost upstream',
      new UpstreamError('unavailable', 'GetPhoneLeaseDetailsbyMSISDN', 'gone'),
      'UPSTREAM_UNAVAILABLE',
    ],
    [
      'invalid JSON',
      new UpstreamError('bad_response', 'GetPhoneLeaseDetailsbyMSISDN', 'garbled'),
      'UPSTREAM_ERROR',
    ],
    ['an upstream 401', httpError(401, 'expired token'), 'UPSTREAM_AUTH_FAILED'],
    ['an upstream 500', httpError(500, 'boom'), 'UPSTREAM_ERROR'],
  ])('gives %s the code %s and nothing else', (_, cause, code) => {
    const { error, formatted } = located(cause);
    const result = formatError(true)(formatted, error);
    expect(result.extensions).toEqual({ code });
    expect(result.message).toBe(cause.message);
  });

  it('leaves the message and code of an error that is not an upstream failure as Apollo formatted them', () => {
    const { error, formatted } = located(new TypeError('a resolver bug'));
    expect(formatError(true)(formatted, error)).toEqual(formatted);
    const input = new GraphQLError('"abc" is not a mobile number', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const inputFormatted = { message: input.message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(formatError(true)(inputFormatted, input)).toEqual(inputFormatted);
  });
});

describe('formatError(development)', () => {
  it('adds upstream { operation, status } and keeps the other extensions', () => {
    const { error, formatted } = located(
      new UpstreamError('http', 'PurchaseOfferbyMSISDNandOfferId', 'Offer 999 was not found', 404),
      { traceId: 'abc' },
    );
    expect(formatError(false)(formatted, error)).toEqual({
      message: 'Offer 999 was not found',
      locations: [{ line: 1, column: 30 }],
      path: ['subscriber', 'status'],
      extensions: {
        code: 'NOT_FOUND',
        stacktrace: ['UpstreamError: x', '    at call'],
        traceId: 'abc',
        upstream: { operation: 'PurchaseOfferbyMSISDNandOfferId', status: 404 },
      },
    });
  });

  it('gives a transport failure a null upstream status', () => {
    const { error, formatted } = located(
      new UpstreamError(
        'timeout',
        'GetDataUsagePercentageByMSISDNPerApp',
        'The upstream did not answer in time',
      ),
    );
    const result = formatError(false)(formatted, error);
    expect(result.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(result.extensions?.upstream).toEqual({
      operation: 'GetDataUsagePercentageByMSISDNPerApp',
      status: null,
    });
  });

  it('maps an UpstreamError handed over unwrapped too', () => {
    const cause = httpError(400, 'Invalid parameters');
    const result = formatError(false)({ message: 'Invalid parameters' }, cause);
    expect(result).toEqual({
      message: 'Invalid parameters',
      extensions: {
        code: 'BAD_USER_INPUT',
        upstream: { operation: 'GetStatusOfSubscriberByMSISDN', status: 400 },
      },
    });
  });

  it('leaves the message and code of an error that is not an upstream failure as Apollo formatted them', () => {
    const { error, formatted } = located(new RangeError('a resolver bug'));
    expect(formatError(false)(formatted, error)).toEqual(formatted);
  });
});
