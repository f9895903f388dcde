// The typed REST client of the Self Care API on undici (transport.ts): a method per contract
// operation, and the one place where the transport's errors become UpstreamErrors. Every call passes the
// operation's circuit breaker, the HTTP cache (reads), the in-flight limit and, for reads, retries.
import { setTimeout as sleep } from 'node:timers/promises';
import type Keyv from 'keyv';
import { type ContractOperation, operations, tightenedRules } from '../contract/openapi.ts';
import { originalProblems } from '../contract/original.ts';
import type { OperationId, Operations } from '../contract/wire.ts';
import { endSpan, type Span, upstreamSpan } from '../observability/tracing.ts';
import { type CachedAnswer, HttpCache } from './cache.ts';
import type { Credentials } from './credentials.ts';
import { UpstreamError, type UpstreamFailure, upstreamMessage } from './errors.ts';
import {
  type BreakerState,
  Breakers,
  backoffMs,
  FailFast,
  HeldOff,
  isTransient,
  Limiter,
  retryAfterMs,
} from './resilience.ts';
import { createTransport, TIMED_OUT, TOO_LARGE, TransportError } from './transport.ts';

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
  /** The request's trace span: upstream calls are its children. */
  span?: Span;
  /** Every failed call of the request, also those a reader turns into `null` (a 404 lease). */
  failures?: UpstreamError[];
  /** The caller's Authorization header, which UPSTREAM_AUTH=forward passes on. */
  authorization?: string;
  /** Aborted when the caller has gone: its calls still waiting or running are given up. */
  signal?: AbortSignal;
  /** Every answer the request read, as the upstream sent it: the REST router hands these on unchanged. */
  answers?: UpstreamAnswer[];
}

export interface UpstreamAnswer {
  operationId: OperationId;
  status: number;
  /** The parsed JSON body, undefined when a write's answer had none. */
  body: unknown;
}

export type UpstreamApi = {
  [K in OperationId]: (args: CallArgs<K>, context?: CallContext) => Promise<Success<K>>;
};

/** What the client tells metrics: each exchange's outcome, cache events, breaker changes. */
export interface UpstreamObserver {
  outcome?(operationId: OperationId, outcome: 'ok' | UpstreamFailure, seconds: number): void;
  cache?(operationId: OperationId, event: 'hit' | 'miss' | 'revalidated'): void;
  breaker?(operationId: OperationId, state: BreakerState): void;
  /** An answer the original contract allows that breaks these rules of the tightened one. */
  drift?(operationId: OperationId, rules: string[]): void;
  /** The upstream refused the gateway's own credentials (401): an operator's problem, not the caller's. */
  credentialsRefused?(operationId: OperationId): void;
}

export interface UpstreamOptions {
  /** Base URL up to the country, with `{country}` in it. */
  baseUrl: string;
  timeoutMs: number;
  /** Timeouts of single operations, overriding timeoutMs. */
  timeouts?: Partial<Record<OperationId, number>>;
  /** Connections and calls in flight at most; `maxQueue` more may wait. */
  maxSockets: number;
  maxQueue: number;
  /** Extra tries of a read after a transient failure. Writes are never retried. */
  retries: number;
  retryBaseMs: number;
  maxBodyBytes: number;
  breaker: { failures: number; cooldownMs: number };
  /** The HTTP cache's store; null turns caching off. */
  cache: Keyv | null;
  /** How the gateway identifies itself upstream (UPSTREAM_AUTH); none by default. */
  credentials?: Credentials;
  observer?: UpstreamObserver;
}

export interface UpstreamClient {
  api: UpstreamApi;
  breakers: Breakers;
  /** Drops the cached reads of a line, after a write to it. */
  invalidate(line: { country: string; msisdn: string }): Promise<void>;
  close(): void;
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
const INVALID = Symbol('invalid JSON');
const RETRYABLE_STATUS = new Set([502, 503, 504]);

interface Target {
  op: ContractOperation;
  /** The URL the exchange sends, query string included: also the HTTP cache's key. */
  url: string;
  /** The line the call is about, which tags its cache entries. */
  tag: string;
}

const lineTag = (country: string, msisdn: string) => `line:${country}:${msisdn}`;
/** Markets whose base URL is kept: far more than the eight there are, so a client's invented ones cannot grow it. */
const MAX_BASES = 64;

export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const transport = createTransport({ maxSockets: options.maxSockets, maxBodyBytes: options.maxBodyBytes });
  const observer = options.observer ?? {};
  const breakers = new Breakers({
    ...options.breaker,
    onChange: (op, state) => observer.breaker?.(op, state),
  });
  const limiter = new Limiter(options.maxSockets, options.maxQueue);
  const cache = options.cache ? new HttpCache(options.cache) : null;
  const credentials = options.credentials;

  /** One HTTP exchange; the transport's errors become UpstreamErrors here and nowhere else. */
  async function exchange(
    { op, url }: Target,
    args: CallArgs<OperationId>,
    context: CallContext,
    headers: Record<string, string>,
  ): Promise<CachedAnswer> {
    const trace = upstreamSpan(context.span, `upstream ${op.operationId}`);
    const sent: Record<string, string> = { ...headers, ...trace.headers };
    if (context.correlationId) sent['x-correlation-id'] = context.correlationId;
    if (args.body !== undefined) sent['content-type'] = 'application/json';
    try {
      const answer = await transport.send({
        method: op.method.toUpperCase() as 'GET',
        url,
        headers: sent,
        body: args.body === undefined ? undefined : JSON.stringify(args.body),
        timeoutMs: options.timeouts?.[op.operationId] ?? options.timeoutMs,
        signal: gone(op, context),
      });
      trace.span.setAttribute('http.response.status_code', answer.status);
      endSpan(trace.span, answer.status >= 500 ? { message: `HTTP ${answer.status}` } : undefined);
      return answer;
    } catch (error) {
      const failure = fromTransportError(op.operationId, error, options.maxBodyBytes);
      endSpan(trace.span, failure);
      throw failure;
    }
  }

  /**
   * An exchange with the upstream credentials. A 401 renews them and tries once more: a refused call
   * was not applied, so this is safe for writes too. A 401 after that is the gateway's, not the caller's.
   */
  async function authorized(
    target: Target,
    args: CallArgs<OperationId>,
    context: CallContext,
    headers: Record<string, string>,
  ): Promise<CachedAnswer> {
    const { operationId } = target.op;
    // Awaited only when the credentials must be fetched: most calls know their headers at once.
    const own = (): Record<string, string> | Promise<Record<string, string>> => {
      const extra = credentials?.headers(operationId, context.authorization);
      return extra instanceof Promise ? extra.then((e) => ({ ...headers, ...e })) : { ...headers, ...extra };
    };
    let sent = own();
    if (sent instanceof Promise) sent = await sent;
    let answer = await exchange(target, args, context, sent);
    if (answer.status === 401 && credentials?.renew(sent)) {
      sent = await own();
      answer = await exchange(target, args, context, sent);
    }
    if (answer.status !== 401) return answer;
    // Callers are authenticated by the gateway: a 401 that outlived a renewal refuses the gateway's own.
    const body = parseJson(answer.body);
    const errorBody = body === INVALID ? undefined : body;
    throw new UpstreamError(
      'auth',
      operationId,
      `The upstream refused the gateway's credentials (${upstreamMessage(errorBody, 401)})`,
      401,
      errorBody,
    );
  }

  /** An exchange through the breaker and the in-flight limit, retried while a read fails transiently. */
  async function send(
    target: Target,
    args: CallArgs<OperationId>,
    context: CallContext,
    headers: Record<string, string> = {},
  ): Promise<CachedAnswer> {
    const { operationId } = target.op;
    const tries = target.op.method === 'get' ? 1 + options.retries : 1;
    const signal = gone(target.op, context);
    for (let attempt = 1; ; attempt++) {
      breakers.admit(operationId);
      const started = performance.now();
      let answer: CachedAnswer | null = null;
      let failure: UpstreamError | null = null;
      try {
        answer = await limiter.run(operationId, () => authorized(target, args, context, headers), signal);
      } catch (error) {
        // A call the caller gave up on tells nothing about the upstream, and is not tried again.
        if (signal?.aborted) {
          breakers.abandon(operationId);
          throw given(operationId);
        }
        if (error instanceof FailFast) breakers.abandon(operationId);
        if (!(error instanceof UpstreamError) || error instanceof FailFast) throw error;
        failure = error;
      }
      // Refused credentials say nothing about the upstream's health: they do not open its breaker.
      if (failure?.failure === 'auth') observer.credentialsRefused?.(operationId);
      const fault = (failure !== null && failure.failure !== 'auth') || (answer?.status ?? 0) >= 500;
      observer.outcome?.(
        operationId,
        failure?.failure ?? (fault ? 'http' : 'ok'),
        (performance.now() - started) / 1000,
      );
      // A 4xx is the caller's doing: the upstream is healthy.
      // A 429 says nothing of the upstream's health: it pauses the operation, the circuit stays as it is.
      if (answer?.status === 429) breakers.holdOff(operationId, answer.headers['retry-after']);
      else if (!fault) breakers.success(operationId);
      else breakers.failure(operationId);
      const transient = failure ? isTransient(failure) : RETRYABLE_STATUS.has(answer?.status ?? 0);
      if (!fault || !transient || attempt >= tries) {
        if (failure) throw failure;
        return answer as CachedAnswer;
      }
      await sleep(backoffMs(attempt - 1, options.retryBaseMs), undefined, { signal }).catch(() => {
        throw given(operationId);
      });
    }
  }

  /**
   * A read through the HTTP cache: fresh entries answer at once, stale ones are revalidated. A new
   * answer comes with `keep`, which stores it once the caller has found it sound; a stored one is
   * `checked` already.
   */
  async function read(
    cache: HttpCache,
    target: Target,
    args: CallArgs<OperationId>,
    context: CallContext,
  ): Promise<{ answer: CachedAnswer; keep?: () => Promise<unknown>; checked?: boolean }> {
    const key = `GET ${target.url}`;
    // The caller's own token makes the call authenticated: a shared cache then keeps only what the
    // upstream marks public (RFC 9111 §3.5), so no caller is served another's private answer.
    const authorization = credentials?.perCaller ? context.authorization : undefined;
    const request = { method: 'GET', url: target.url, headers: authorization ? { authorization } : {} };
    const found = await cache.lookup(key, request);
    if (found.kind === 'fresh') {
      observer.cache?.(target.op.operationId, 'hit');
      return { answer: found.answer, checked: true };
    }
    const answer = await send(target, args, context, found.kind === 'stale' ? found.headers : {});
    if (found.kind === 'stale' && answer.status === 304) {
      observer.cache?.(target.op.operationId, 'revalidated');
      return {
        answer: await cache.revalidated(key, target.tag, request, found.entry, answer),
        checked: true,
      };
    }
    observer.cache?.(target.op.operationId, 'miss');
    return { answer, keep: () => cache.store(key, target.tag, request, answer) };
  }

  /** Each market's base URL, made once. */
  const bases = new Map<string, string>();
  const baseOf = (country: string) => {
    let base = bases.get(country);
    if (base === undefined) {
      base = options.baseUrl.replace('{country}', encodeURIComponent(country));
      if (bases.size < MAX_BASES) bases.set(country, base);
    }
    return base;
  };

  async function call(
    op: ContractOperation,
    pathOf: (params: Record<string, unknown>) => string,
    args: CallArgs<OperationId>,
    context: CallContext = {},
  ): Promise<unknown> {
    const settle = (answer: CachedAnswer, checked: boolean) => {
      // Parsed once: for reading it, and for the REST router, which hands it on as it came.
      const parsed = parseJson(answer.body);
      const body = interpret(op, answer, parsed, checked, observer);
      context.answers?.push({
        operationId: op.operationId,
        status: answer.status,
        body: parsed === INVALID ? undefined : parsed,
      });
      return body;
    };
    try {
      // Inside the try: a path that cannot be encoded (a lone surrogate) is a failure of the call too.
      const params = args.path as Record<string, unknown>;
      const query = queryString(args.query as Record<string, unknown> | undefined);
      const target = {
        op,
        url: `${baseOf(args.country)}${pathOf(params)}${query ? `?${query}` : ''}`,
        tag: lineTag(args.country, String(params.MSISDN ?? params.msisdn)),
      };
      if (op.method !== 'get') {
        const answer = await send(target, args, context);
        if (answer.status < 300) await cache?.invalidate(target.tag);
        return settle(answer, false);
      }
      if (!cache) return settle(await send(target, args, context), false);
      const { answer, keep, checked } = await read(cache, target, args, context);
      const body = settle(answer, checked ?? false);
      // Only an answer that is the contract's is kept: a broken one is asked for again next time.
      await keep?.();
      return body;
    } catch (error) {
      context.failures?.push(error as UpstreamError);
      throw error;
    }
  }

  const api = Object.fromEntries(
    operations.map((op) => {
      const pathOf = pathTemplate(op.path);
      return [
        op.operationId,
        (args: CallArgs<OperationId>, context?: CallContext) => call(op, pathOf, args, context),
      ];
    }),
  ) as unknown as UpstreamApi;

  return {
    api,
    breakers,
    invalidate: async ({ country, msisdn }) => {
      await cache?.invalidate(lineTag(country, msisdn));
    },
    close: () => transport.close(),
  };
}

/**
 * What ends a call when its caller goes away: reads only. A write runs to its end, so the answer
 * stored under its Idempotency-Key is the upstream's and a retry with that key replays it.
 */
const gone = (op: ContractOperation, context: CallContext) =>
  op.method === 'get' ? context.signal : undefined;

const given = (operationId: OperationId) =>
  new FailFast(operationId, `The caller went away: ${operationId} was given up`);

/**
 * The answer's body, read as the ORIGINAL contract guarantees: an error status keeps its code; any
 * 2xx is a success (a write's may be empty); a success must have the original's JSON types and
 * required properties, and whatever else the tightened contract expects of it is drift, reported,
 * never a failure.
 */
function interpret(
  op: ContractOperation,
  answer: CachedAnswer,
  body: unknown,
  checked: boolean,
  observer: UpstreamObserver,
): unknown {
  const ok = answer.status >= 200 && answer.status < 300;
  if (!ok) {
    // An error answer that is not JSON (a proxy's HTML page, say) keeps its status, not its text.
    const errorBody = body === INVALID ? undefined : body;
    if (answer.status === 429) {
      const wait = retryAfterMs(answer.headers['retry-after'], Date.now());
      throw new HeldOff(op.operationId, Math.max(1, Math.ceil(wait / 1000)));
    }
    throw new UpstreamError(
      'http',
      op.operationId,
      upstreamMessage(errorBody, answer.status),
      answer.status,
      errorBody,
    );
  }
  // A write's 2xx is a success whatever its body: one that cannot be read is as good as none.
  const unreadable = (rule: string) => {
    observer.drift?.(op.operationId, [rule]);
    return undefined;
  };
  if (op.method !== 'get' && answer.body.trim() === '') return undefined;
  if (op.method !== 'get' && body === INVALID) return unreadable('(body):json');
  if (body === INVALID) {
    throw new UpstreamError(
      'bad_response',
      op.operationId,
      `The upstream answered ${op.operationId} with invalid JSON`,
    );
  }
  // A cached answer was checked when it was stored.
  if (checked) return body;
  const problems = originalProblems(op.operationId, answer.status, body);
  if (problems.length > 0 && op.method !== 'get') return unreadable('(body):original');
  if (problems.length > 0) {
    throw new UpstreamError(
      'bad_response',
      op.operationId,
      `The upstream's answer to ${op.operationId} breaks the contract: ${problems.slice(0, 3).join('; ')}`,
    );
  }
  const drift = tightenedRules(op.operationId, op.successStatus, body);
  if (drift.length > 0) observer.drift?.(op.operationId, drift);
  return body;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? INVALID : JSON.parse(text);
  } catch {
    return INVALID;
  }
}

/**
 * An operation's path with its parameters filled in, each percent-encoded: the template is split once,
 * not searched with a regular expression per call.
 */
function pathTemplate(path: string): (params: Record<string, unknown>) => string {
  const parts = path.split(/\{(\w+)\}/);
  return (params) => {
    let filled = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
      filled += encodeURIComponent(String(params[parts[i] as string])) + (parts[i + 1] as string);
    }
    return filled;
  };
}

/** Text that form encoding (URLSearchParams) writes unchanged. */
const PLAIN = /^[\w.*-]*$/;

/** The query string as got built it from `searchParams`: null is an empty value, undefined none. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  // The common case (dates, numbers, enum words) needs no encoder: the same text URLSearchParams would write.
  let plain = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined) continue;
    const text = value === null ? '' : String(value);
    if (!PLAIN.test(key) || !PLAIN.test(text)) return formEncoded(query);
    plain += `${plain ? '&' : ''}${key}=${text}`;
  }
  return plain;
}

function formEncoded(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, value === null ? '' : String(value));
  }
  return params.toString();
}

function fromTransportError(operationId: OperationId, error: unknown, maxBodyBytes: number): UpstreamError {
  if (error instanceof TransportError) {
    if (error.code === TOO_LARGE) {
      return new UpstreamError(
        'bad_response',
        operationId,
        `The upstream's answer to ${operationId} is larger than ${maxBodyBytes} bytes`,
      );
    }
    if (error.code === TIMED_OUT) {
      return new UpstreamError('timeout', operationId, `The upstream did not answer ${operationId} in time`);
    }
    if (UNAVAILABLE_CODES.has(error.code)) {
      return new UpstreamError('unavailable', operationId, `The upstream is unavailable (${error.code})`);
    }
    return new UpstreamError('unavailable', operationId, `The upstream call failed (${error.code})`);
  }
  return new UpstreamError('unavailable', operationId, `The upstream call failed: ${String(error)}`);
}
