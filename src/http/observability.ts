// What the gateway tells its operators per request: the correlation id (taken from the client or
// made, returned and forwarded upstream), and request metrics by surface and operation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Kind, parse } from 'graphql';
import { codeOf } from '../graphql/errors.ts';
import type { Context } from './context.ts';
import type { Metrics } from './metrics.ts';
import { endSpan, type Span, SpanKind, tracer } from './tracing.ts';

/** Filled in while a request runs: the operation it turned out to be, for metrics and logs. */
export interface RequestReport {
  operation: string | null;
  surface: Surface;
  /** The code of a GraphQL request refused before GraphQL ran, as its answer says. */
  refusal?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    report: RequestReport;
    span: Span;
  }
}

export type Surface = 'graphql' | 'rest' | null;

export function observeRequests(
  app: FastifyInstance,
  metrics: Metrics,
  surfaceOf: (request: FastifyRequest) => Surface,
): void {
  app.decorateRequest('report', null as unknown as RequestReport);
  app.decorateRequest('span', null as unknown as Span);
  app.addHook('onRequest', async (request, reply) => {
    request.report = { operation: null, surface: surfaceOf(request) };
    // Named by route, not URL: a span name must not carry a MSISDN.
    request.span = tracer.startSpan(`${request.method} ${request.routeOptions.url ?? 'unmatched'}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'correlation.id': request.id },
    });
    reply.header('x-correlation-id', request.id);
  });
  // A GraphQL request refused before GraphQL ran (401, 413, 429, CSRF…) is counted under the code its
  // answer carries: read from that answer, so the metric and the client always agree.
  app.addHook('onSend', async (request, reply, payload) => {
    const { surface, operation } = request.report;
    if (
      surface === 'graphql' &&
      operation === null &&
      reply.statusCode >= 400 &&
      typeof payload === 'string'
    ) {
      request.report.refusal = codeInAnswer(payload);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const { surface, operation } = request.report;
    request.span.setAttributes({ 'http.response.status_code': status, 'gateway.operation': operation ?? '' });
    endSpan(request.span, status >= 500 ? { message: `HTTP ${status}` } : undefined);
    if (!surface) return;
    metrics.requests.observe(
      { surface, operation: metrics.operationLabel(operation), status: String(status) },
      reply.elapsedTime / 1000,
    );
    // REST errors are counted by status; GraphQL ones by code, in the plugin below, unless the request
    // was refused before GraphQL ran.
    if (status >= 400 && (surface === 'rest' || operation === null)) {
      metrics.errors.inc({
        surface,
        code: surface === 'rest' ? String(status) : (request.report.refusal ?? String(status)),
      });
    }
  });
}

const OPERATIONS_DIR = join(import.meta.dirname, '../../operations');

/**
 * The GraphQL operations that get their own metric label: the frontend kit's (operations/*.graphql)
 * and those of a trusted-documents file. Names come from the gateway's files, never from clients.
 */
export function knownOperationNames(trustedDocuments: string | null): string[] {
  const documents = readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
  if (trustedDocuments) {
    documents.push(
      ...Object.values(JSON.parse(readFileSync(trustedDocuments, 'utf8')) as Record<string, string>),
    );
  }
  return documents.flatMap((text) =>
    parse(text).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
    ),
  );
}

function codeInAnswer(payload: string): string | undefined {
  try {
    const code = (JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]
      ?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Names GraphQL requests by their operation (REST routes name themselves by operationId) and counts
 * the errors of GraphQL requests by the code their clients see.
 */
export function graphqlMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.report.operation ??= operationName ?? 'anonymous';
        },
        async didEncounterErrors({ errors, contextValue }) {
          const { report } = contextValue;
          report.operation ??= 'invalid';
          if (report.surface !== 'graphql') return;
          for (const error of errors) metrics.errors.inc({ surface: 'graphql', code: codeOf(error) });
        },
      };
    },
  };
}
