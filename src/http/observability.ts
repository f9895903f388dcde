// What the gateway tells its operators per request: the correlation id (taken from the client or
// made, returned and forwarded upstream), and request metrics by surface and operation.
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from './context.ts';
import type { Metrics } from './metrics.ts';
import { endSpan, type Span, SpanKind, tracer } from './tracing.ts';

/** Filled in while a request runs: the operation it turned out to be, for metrics and logs. */
export interface RequestReport {
  operation: string | null;
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
    request.report = { operation: null };
    // Named by route, not URL: a span name must not carry a MSISDN.
    request.span = tracer.startSpan(`${request.method} ${request.routeOptions.url ?? 'unmatched'}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'correlation.id': request.id },
    });
    reply.header('x-correlation-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    request.span.setAttributes({
      'http.response.status_code': status,
      'gateway.operation': request.report.operation ?? '',
    });
    endSpan(request.span, status >= 500 ? { message: `HTTP ${status}` } : undefined);
    const surface = surfaceOf(request);
    if (!surface) return;
    metrics.requests.observe(
      { surface, operation: request.report.operation ?? 'unknown', status: String(status) },
      reply.elapsedTime / 1000,
    );
    if (surface === 'rest' && status >= 400) metrics.errors.inc({ surface, code: String(status) });
    if (surface === 'graphql' && status >= 400 && request.report.operation === null) {
      metrics.errors.inc({ surface, code: String(status) });
    }
  });
}

/** Names GraphQL requests by their operation and counts their errors by code. */
export function graphqlMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.report.operation = operationName ?? 'anonymous';
        },
        async didEncounterErrors({ errors, contextValue }) {
          contextValue.report.operation ??= 'invalid';
          for (const error of errors) {
            metrics.errors.inc({
              surface: 'graphql',
              code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            });
          }
        },
      };
    },
  };
}
