// What the gateway tells its operators per request: the correlation id (taken from the client or
// made, returned and forwarded upstream), and request metrics by surface and operation.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from '../observability/metrics.ts';
import type { RequestReport, Surface } from '../observability/report.ts';
import { endSpan, requestSpan, type Span } from '../observability/tracing.ts';

declare module 'fastify' {
  interface FastifyRequest {
    report: RequestReport;
    span: Span;
  }
}

export interface ObservationOptions {
  metrics: Metrics;
  surfaceOf: (request: FastifyRequest) => Surface;
}

export const observation = fp<ObservationOptions>(
  async (app, { metrics, surfaceOf }) => {
    app.decorateRequest('report', null as unknown as RequestReport);
    app.decorateRequest('span', null as unknown as Span);
    app.addHook('onRequest', (request, reply, done) => {
      request.report = { operation: null, surface: surfaceOf(request) };
      request.span = requestSpan(request.method, request.routeOptions.url, request.id);
      reply.header('x-correlation-id', request.id);
      done();
    });
    // A GraphQL request refused before GraphQL ran (401, 413, 429, CSRF…) is counted under the code its
    // answer carries: read from that answer, so the metric and the client always agree.
    app.addHook('onSend', (request, reply, payload, done) => {
      const { surface, operation } = request.report;
      if (
        surface === 'graphql' &&
        operation === null &&
        reply.statusCode >= 400 &&
        typeof payload === 'string'
      ) {
        request.report.refusal = codeInAnswer(payload);
      }
      done(null, payload);
    });
    app.addHook('onResponse', (request, reply, done) => {
      const status = reply.statusCode;
      const { surface, operation } = request.report;
      request.span.setAttributes({
        'http.response.status_code': status,
        'gateway.operation': operation ?? '',
      });
      endSpan(request.span, status >= 500 ? { message: `HTTP ${status}` } : undefined);
      if (surface) {
        metrics.requests.observe(
          { surface, operation: metrics.operationLabel(operation), status: String(status) },
          reply.elapsedTime / 1000,
        );
        // REST errors are counted by status; GraphQL ones by code, in the plugin below, unless the
        // request was refused before GraphQL ran.
        if (status >= 400 && (surface === 'rest' || operation === null)) {
          metrics.errors.inc({
            surface,
            code: surface === 'rest' ? String(status) : (request.report.refusal ?? String(status)),
          });
        }
      }
      done();
    });
  },
  { name: 'observation' },
);

function codeInAnswer(payload: string): string | undefined {
  try {
    const code = (JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]
      ?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** Takes the client's x-correlation-id when it is sane, or makes one. */
export function correlationIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}
