// The per-request context: the caller's correlation id and a fresh set of loaders, so no cached
// read ever crosses from one request to another.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/authenticate.ts';
import type { GatewayConfig } from '../config.ts';
import { createLoaders, type Loaders } from '../loaders/index.ts';
import type { CallContext, UpstreamApi } from '../upstream/client.ts';
import type { RequestReport } from './observability.ts';
import type { Span } from './tracing.ts';

export interface Context {
  principal: Principal;
  correlationId: string;
  config: GatewayConfig;
  api: UpstreamApi;
  loaders: Loaders;
  /** What every upstream call of this request forwards, and where it records its failures. */
  call: CallContext;
  /** Facts about the request for metrics and logs, filled in as it runs. */
  report: RequestReport;
}

export interface ContextInput {
  config: GatewayConfig;
  api: UpstreamApi;
  principal: Principal;
  correlationId: string;
  report: RequestReport;
  span?: Span;
  /** The caller's Authorization header, for UPSTREAM_AUTH=forward. */
  authorization?: string;
  /** Aborted when the caller goes away before its answer is written. */
  signal?: AbortSignal;
  onBatch?: (loader: string, size: number) => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Aborted when the client closes the connection before the answer is written. */
    abandoned: AbortSignal;
  }
}

/**
 * Gives every request its `abandoned` signal. The response's close tells: a request's own close
 * comes as soon as its body is read, and so does Fastify's `request.signal`.
 */
export function watchAbandoned(app: FastifyInstance): void {
  app.decorateRequest('abandoned', null as unknown as AbortSignal);
  app.addHook('onRequest', async (request, reply) => {
    const gone = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    request.abandoned = gone.signal;
  });
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** Takes the client's x-correlation-id when it is sane, or makes one. */
export function correlationIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}

export function createContext({
  config,
  api,
  principal,
  correlationId,
  report,
  span,
  authorization,
  signal,
  onBatch,
}: ContextInput): Context {
  const call: CallContext = { correlationId, failures: [], span, authorization, signal };
  return {
    principal,
    correlationId,
    config,
    api,
    call,
    report,
    loaders: createLoaders(api, call, principal.subject, onBatch),
  };
}
