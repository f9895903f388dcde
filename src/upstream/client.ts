// The typed REST client of the Self Care API on got: one keep-alive agent, a method per contract
// operation, and the one place where got's errors become UpstreamErrors.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { type Got, RequestError } from 'got';
import { type ContractOperation, operations, validateResponse } from '../contract/openapi.ts';
import type { OperationId, Operations } from '../contract/wire.ts';
import { UpstreamError, upstreamMessage } from './errors.ts';

type Op<K extends OperationId> = Operations[K];
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The body of the operation's success answer (200 or 201). */
export type Success<K extends OperationId> = {
  [S in keyof Op<K>['responses']]: S extends 200 | 201 ? JsonOf<Op<K>['responses'][S]> : never;
}[keyof Op<K>['responses']];

export type CallArgs<K extends OperationId> = {
  country: string;
  path: Op<K>['parameters']['path'];
  query?: NonNullable<Op<K>['parameters']['query']>;
} & (Op<K> extends { requestBody: { content: { 'application/json': infer B } } }
  ? { body: B }
  : { body?: never });

export interface CallContext {
  correlationId?: string;
  /** Every failed call of the request, also those a reader turns into `null` (a 404 lease). */
  failures?: UpstreamError[];
}

export type UpstreamApi = {
  [K in OperationId]: (args: CallArgs<K>, context?: CallContext) => Promise<Success<K>>;
};

export interface UpstreamOptions {
  /** Base URL up to the country, with `{country}` in it. */
  baseUrl: string;
  timeoutMs: number;
  maxSockets: number;
  /** Called once per upstream request, e.g. for metrics and tests. */
  onCall?: (operationId: OperationId) => void;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export interface UpstreamClient {
  api: UpstreamApi;
  close(): void;
}

export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: options.maxSockets }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxSockets }),
  };
  const http: Got = got.extend({
    agent: agents,
    timeout: { request: options.timeoutMs },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
  });

  async function call(
    op: ContractOperation,
    args: CallArgs<OperationId>,
    context: CallContext = {},
  ): Promise<unknown> {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String((args.path as Record<string, unknown>)[name])),
    );
    const url = options.baseUrl.replace('{country}', encodeURIComponent(args.country)) + path;
    options.onCall?.(op.operationId);
    let response: { statusCode: number; body: string };
    try {
      response = await http(url, {
        method: op.method.toUpperCase() as 'GET',
        searchParams: args.query as Record<string, string | number> | undefined,
        json: args.body,
        headers: context.correlationId ? { 'x-correlation-id': context.correlationId } : {},
      });
    } catch (error) {
      throw fromRequestError(op.operationId, error);
    }
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    const body = parseJson(response.body);
    if (!ok) {
      // An error answer that is not JSON (a proxy's page, say) keeps its status.
      const errorBody = body === INVALID ? undefined : body;
      throw new UpstreamError(
        'http',
        op.operationId,
        upstreamMessage(errorBody, response.statusCode),
        response.statusCode,
        errorBody,
      );
    }
    if (body === INVALID) {
      throw new UpstreamError(
        'bad_response',
        op.operationId,
        `The upstream answered ${op.operationId} with invalid JSON`,
      );
    }
    const problems = validateResponse(op.operationId, response.statusCode, body);
    if (problems.length > 0) {
      throw new UpstreamError(
        'bad_response',
        op.operationId,
        `The upstream's answer to ${op.operationId} breaks the contract: ${problems.slice(0, 3).join('; ')}`,
      );
    }
    return body;
  }

  const recorded = (op: ContractOperation, args: CallArgs<OperationId>, context?: CallContext) =>
    call(op, args, context).catch((error: UpstreamError) => {
      context?.failures?.push(error);
      throw error;
    });
  const api = Object.fromEntries(
    operations.map((op) => [op.operationId, recorded.bind(null, op)]),
  ) as unknown as UpstreamApi;

  return {
    api,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  try {
    return text === '' ? INVALID : JSON.parse(text);
  } catch {
    return INVALID;
  }
}

function fromRequestError(operationId: OperationId, error: unknown): UpstreamError {
  if (error instanceof RequestError) {
    if (error.code === 'ETIMEDOUT') {
      return new UpstreamError('timeout', operationId, `The upstream did not answer ${operationId} in time`);
    }
    if (UNAVAILABLE_CODES.has(error.code)) {
      return new UpstreamError('unavailable', operationId, `The upstream is unavailable (${error.code})`);
    }
    return new UpstreamError('unavailable', operationId, `The upstream call failed (${error.code})`);
  }
  return new UpstreamError('unavailable', operationId, `The upstream call failed: ${String(error)}`);
}
