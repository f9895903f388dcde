// Optional OpenTelemetry tracing: with OTEL_EXPORTER_OTLP_ENDPOINT set, a span per request and per
// upstream call goes to an OTLP/HTTP collector, and upstream calls carry the W3C traceparent. Without
// it the API's no-op tracer costs next to nothing and no SDK is loaded.
import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GatewayConfig } from '../config.ts';

export const tracer = trace.getTracer('selfcare-gateway');

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
  return () => provider.shutdown();
}

/** A child span of `parent` for an upstream call, and the headers that carry it upstream. */
export function upstreamSpan(
  parent: Span | undefined,
  name: string,
): { span: Span; headers: Record<string, string> } {
  const parentContext = parent ? trace.setSpan(context.active(), parent) : context.active();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT }, parentContext);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parentContext, span), headers);
  return { span, headers };
}

export function endSpan(span: Span, error?: { message: string }): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  span.end();
}

export { type Span, SpanKind };
