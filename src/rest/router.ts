// The REST compatibility router: the contract's 18 operations at their legacy paths, each run as a
// GraphQL operation through the same schema and context as /graphql (no second way upstream).
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, badRequest, errorBodyFor } from '../contract/errors.ts';
import type { ContractOperation } from '../contract/openapi.ts';
import { originalOperations } from '../contract/original.ts';
import {
  BASE_PATH,
  checkBody,
  checkParams,
  errorSchemaAt,
  type Matched,
  matchOperation,
} from '../contract/requests.ts';
import type { Context } from '../graphql/context.ts';
import { codeOfUpstream } from '../graphql/errors.ts';
import { type ExecutionCode, HTTP_STATUS } from '../shared/error-codes.ts';
import type { SubscriberRef } from '../shared/line.ts';
import type { Refusal } from '../shared/refusal.ts';
import type { UpstreamError } from '../upstream/errors.ts';
import { HeldOff } from '../upstream/resilience.ts';
import { routes } from './routes.ts';

export interface RestRouterOptions {
  apollo: ApolloServer<Context>;
  context: (request: FastifyRequest) => Context;
}

interface Answer {
  status: number;
  body: unknown;
  /** Seconds, when the upstream asked for a pause. */
  retryAfter?: number;
}

export async function restRouter(
  app: FastifyInstance,
  { apollo, context }: RestRouterOptions,
): Promise<void> {
  await app.register(async (scope) => {
    // Bodies are read raw: the contract, not Fastify, decides what a bad one is and how to say so.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.route({
      method: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
      url: `${BASE_PATH}/*`,
      handler: async (request, reply) => {
        const { status, body, retryAfter } = await answer(request, reply);
        if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
        return reply.code(status).send(body);
      },
    });
  });

  async function answer(request: FastifyRequest, reply: FastifyReply): Promise<Answer> {
    const path = pathOf(request);
    try {
      const matched = matchOperation(request.method, path);
      const { op } = matched;
      request.report.operation = op.operationId;
      // Refused only where the ORIGINAL contract refuses: a legacy client keeps every request it had.
      const original = originalOperations.get(op.operationId);
      const params = checkParams(matched, request.query as Record<string, unknown>, original?.validateParams);
      const line = lineInPath(matched);
      if (!queryAgrees(request.query as Record<string, unknown>, line.msisdn)) {
        throw badRequest(`The line in the query differs from the line in the path (${line.msisdn})`);
      }
      const body = original?.validateBody
        ? checkBody(
            op,
            request.headers['content-type'],
            (request.body as Buffer | undefined) ?? Buffer.alloc(0),
            original.validateBody,
          )
        : undefined;
      const route = routes[op.operationId];
      const contextValue = context(request);
      contextValue.call.answers = [];
      const variables = route.variables({
        msisdn: line.msisdn,
        country: matched.country.toUpperCase(),
        params,
        query: request.query as Record<string, unknown>,
        body,
      });
      const result = await apollo.executeOperation({ query: route.document, variables }, { contextValue });
      if (result.body.kind !== 'single') throw new Error('incremental delivery is not used by REST routes');
      const { errors } = result.body.singleResult;
      const failures = contextValue.call.failures ?? [];
      // The upstream's own answer, status and body as it sent them (extra properties, odd values and
      // all). A read may be served by its twin operation (availableplans?planType=upgrades by upgrades/).
      const { answers } = contextValue.call;
      const upstream =
        answers.find((a) => a.operationId === op.operationId) ??
        (op.method === 'get' && answers.length === 1 ? answers[0] : undefined);
      if (upstream) {
        return { status: upstream.status, body: upstream.body };
      }
      return failed(op, failures, errors?.[0]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.allow) reply.header('allow', error.allow);
      return { status: error.status, body: errorBodyFor(errorSchemaAt(path), error.status, error.message) };
    }
  }
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] as string;

const isLineParam = (name: string) => name.toLowerCase() === 'msisdn';

/** The line a route acts on: the one in its path, and only that one. */
function lineInPath({ op, country, values }: Matched): SubscriberRef {
  const raw = values[op.pathParams.findIndex(isLineParam)] ?? '';
  let msisdn = raw;
  try {
    msisdn = decodeURIComponent(raw);
  } catch {
    // left raw: the contract's parameter check refuses it
  }
  return { msisdn, country };
}

/** Whether every MSISDN in the query (any spelling) names the path's line: no query can redirect a route. */
const queryAgrees = (query: Record<string, unknown>, msisdn: string) =>
  Object.entries(query).every(
    ([name, value]) => !isLineParam(name) || [value].flat().every((v) => v === msisdn),
  );

/** The line a REST write acts on, for its Idempotency-Key; null for a path no route serves. */
export function restLines(request: FastifyRequest): SubscriberRef[] | null {
  try {
    return [lineInPath(matchOperation(request.method, pathOf(request)))];
  } catch {
    return null;
  }
}

/** Upstream statuses that are not the upstream's word on the request: credentials, pauses, intermediaries. */
const NOT_THE_UPSTREAMS_WORD: ReadonlySet<ExecutionCode> = new Set([
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
]);

/**
 * The answer to a failed route: the upstream's own status and JSON error body when the upstream
 * refused (so legacy clients see what they always saw; a page that is not JSON becomes the
 * operation's error body with a short message), else the status of the gateway's error code.
 */
function failed(
  op: ContractOperation,
  failures: UpstreamError[],
  error: { message: string; extensions?: Record<string, unknown> } | undefined,
): Answer {
  const failure = failures.find((f) => f.operationId === op.operationId) ?? failures[0];
  const code = failure && codeOfUpstream(failure);
  if (
    failure?.failure === 'http' &&
    failure.status !== undefined &&
    !NOT_THE_UPSTREAMS_WORD.has(code as ExecutionCode)
  ) {
    return {
      status: failure.status,
      body: failure.body ?? errorBodyFor(op.errorSchema, failure.status, failure.message),
    };
  }
  if (failure) {
    const status = HTTP_STATUS[code as ExecutionCode];
    return {
      status,
      body: errorBodyFor(op.errorSchema, status, failure.message),
      ...(failure instanceof HeldOff && { retryAfter: failure.retryAfter }),
    };
  }
  const errorCode = error?.extensions?.code as ExecutionCode | undefined;
  const status = error ? (HTTP_STATUS[errorCode as ExecutionCode] ?? 500) : 404;
  return { status, body: errorBodyFor(op.errorSchema, status, error?.message ?? 'Not found') };
}

/** How the REST surface refuses a request before any route runs: the operation's error body. */
export const restRefusal: Refusal = (request, status, _code, message) =>
  errorBodyFor(errorSchemaAt(pathOf(request)), status, message);
