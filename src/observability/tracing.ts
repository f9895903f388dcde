// Optional OpenTelemetry tracing: with OTEL_EXPORTER_OTLP_ENDPOINT set, a span per request and per
// upstream call goes to an OTLP/HTTP collector, and upstream calls carry the W3C traceparent. Without
// it the API's no-op tracer costs next to nothing and no SDK is loaded.
import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { GatewayConfig } from '../config.ts';

const tracer = trace.getTracer('selfcare-gateway');

/** Whether an SDK records spans: without one, an upstream call needs no span and no headers. */
let tracing = false;

/** Starts the SDK when configured; returns what flushes and stops it. */
export async function startTracing(config: GatewayConfig): Promise<() => Promise<void>> {
  if (!config.otlpEndpoint) return async () => {};
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.otlpEndpoint}/v1/traces` })),
    ],
  });
  provider.register();
  tracing = true;
  return () => provider.shutdown();
}

/** The span of one request to the gateway; the no-op span, made once, when no SDK records spans. */
export function requestSpan(method: string, route: string | undefined, correlationId: string): Span {
  if (!tracing) return UNTRACED.span;
  // Named by route, not URL: a span name must not carry a MSISDN.
  return tracer.startSpan(`${method} ${route ?? 'unmatched'}`, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': method, 'correlation.id': correlationId },
  });
}

/** A child span of `parent` for an upstream call, and the headers that carry it upstream. */
export function upstreamSpan(
  parent: Span | undefined,
  name: string,
): { span: Span; headers: Record<string, string> } {
  // The API's no-op span and no propagation: what the code below would give, without its contexts.
  if (!tracing) return UNTRACED;
  const parentContext = parent ? trace.setSpan(context.active(), parent) : context.active();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT }, parentContext);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parentContext, span), headers);
  return { span, headers };
}

const UNTRACED = Object.freeze({
  span: trace.wrapSpanContext(INVALID_SPAN_CONTEXT),
  headers: Object.freeze({}) as Record<string, string>,
});

export function endSpan(span: Span, error?: { message: string }): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  span.end();
}

export type { Span };
