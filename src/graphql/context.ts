// The per-request context: the caller's correlation id and a fresh set of loaders, so no cached
// read ever crosses from one request to another.
import type { Principal } from '../auth/principal.ts';
import type { GatewayConfig } from '../config.ts';
import { createLoaders, type Loaders } from '../loaders/index.ts';
import type { RequestReport } from '../observability/report.ts';
import type { Span } from '../observability/tracing.ts';
import type { CallContext, UpstreamApi } from '../upstream/client.ts';

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
