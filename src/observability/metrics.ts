// Prometheus metrics of one gateway: requests and their latency per operation, errors by code,
// upstream calls and latency per operation, cache events, breaker states, DataLoader batches and the
// identity provider. Every label comes from a bounded set: a client can make no new series.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ProviderState } from '../auth/jwks.ts';
import type { OperationId } from '../contract/wire.ts';
import type { UpstreamObserver } from '../upstream/client.ts';
import type { BreakerState } from '../upstream/resilience.ts';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };
const PROVIDER_VALUE: Record<ProviderState, number> = { up: 0, stale: 1, down: 2 };
/** Names the gateway gives requests itself (see observability.ts), besides the known operations. */
const OWN_OPERATION_LABELS = ['anonymous', 'invalid', 'unknown'];
/** The label of every operation name that is not known: one series, however many names clients send. */
const OTHER_OPERATION = 'other';
/** Each drift rule of each operation is logged at most once in this interval; the counter counts every one. */
export const DRIFT_LOG_INTERVAL_MS = 10 * 60_000;

export type Warn = (fields: Record<string, unknown>, message: string) => void;

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'Requests answered by the gateway, by surface (graphql, rest), operation (known ones, else other) and HTTP status',
    labelNames: ['surface', 'operation', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'gateway_errors_total',
    help: 'Errors answered to clients, by surface and code (GraphQL extensions.code, or the REST status)',
    labelNames: ['surface', 'code'] as const,
    registers: [this.registry],
  });
  readonly upstream = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Upstream calls by operation and outcome (ok, http, timeout, unavailable, bad_response, auth)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly cache = new Counter({
    name: 'gateway_upstream_cache_total',
    help: 'HTTP cache lookups of upstream reads, by operation and result (hit, miss, revalidated)',
    labelNames: ['operation', 'result'] as const,
    registers: [this.registry],
  });
  readonly breaker = new Gauge({
    name: 'gateway_upstream_breaker_state',
    help: 'Circuit breaker of each upstream operation: 0 closed, 1 half-open, 2 open',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly batches = new Histogram({
    name: 'gateway_dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 3, 5, 10, 20, 50],
    registers: [this.registry],
  });
  readonly drift = new Counter({
    name: 'gateway_upstream_drift_total',
    help: 'Upstream answers the original contract allows that break a rule of the tightened one, by operation and rule (its schema path)',
    labelNames: ['operation', 'rule'] as const,
    registers: [this.registry],
  });
  readonly credentialsRefused = new Counter({
    name: 'gateway_upstream_credentials_refused_total',
    help: "Upstream 401 answers: the upstream refused the gateway's own credentials (alert on any increase)",
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly #driftLogged = new Map<string, number>();
  readonly sharedState = new Gauge({
    name: 'gateway_shared_state_up',
    help: 'Whether the shared state store (Redis) answers: 1 yes, 0 no (always 0 without REDIS_URL)',
    registers: [this.registry],
  });
  readonly identityProvider = new Gauge({
    name: 'gateway_identity_provider_state',
    help: 'The JWKS of the token issuer: 0 up, 1 stale (unreachable, cached keys still used), 2 down (unreachable, tokens answered 503); 0 without a JWKS',
    registers: [this.registry],
  });
  readonly jwksFetches = new Counter({
    name: 'gateway_identity_provider_fetches_total',
    help: 'JWKS fetches by outcome (ok, error)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  /** Operation names that may be labels: the contract's operationIds and the known GraphQL operations. */
  readonly #operations = new Set(OWN_OPERATION_LABELS);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Both outcomes from the start, so a rate of errors exists before the first one.
    for (const outcome of ['ok', 'error']) this.jwksFetches.inc({ outcome }, 0);
  }

  /** The upstream client's events, as metrics; drift and refused credentials also as (throttled) warnings. */
  observer(warn: Warn = () => {}): UpstreamObserver {
    return {
      outcome: (operation, outcome, seconds) => this.upstream.observe({ operation, outcome }, seconds),
      cache: (operation, result) => this.cache.inc({ operation, result }),
      breaker: (operation, state) => this.breaker.set({ operation }, BREAKER_VALUE[state]),
      drift: (operation, rules) => {
        const now = Date.now();
        for (const rule of rules) {
          this.drift.inc({ operation, rule });
          const key = `${operation} ${rule}`;
          if (now - (this.#driftLogged.get(key) ?? -Infinity) < DRIFT_LOG_INTERVAL_MS) continue;
          this.#driftLogged.set(key, now);
          warn(
            { operation, rule },
            'An upstream answer drifts from the tightened contract (the original allows it)',
          );
        }
      },
      credentialsRefused: (operation) => {
        this.credentialsRefused.inc({ operation });
        warn({ operation }, "The upstream refused the gateway's own credentials (401)");
      },
    };
  }

  batch(loader: string, size: number): void {
    this.batches.observe({ loader }, size);
  }

  /** Breakers are shown closed and refused credentials at 0 from the start, so a dashboard and an alert see every operation. */
  knowOperations(operations: OperationId[]): void {
    for (const operation of operations) {
      this.breaker.set({ operation }, 0);
      this.#operations.add(operation);
      this.credentialsRefused.inc({ operation }, 0);
    }
  }

  /** GraphQL operations counted under their own name (the frontend kit's); any other name is `other`. */
  knowGraphqlOperations(names: Iterable<string>): void {
    for (const name of names) this.#operations.add(name);
  }

  /** The `operation` label of a request: its name when known, else `other`. */
  operationLabel(operation: string | null): string {
    if (operation === null) return 'unknown';
    return this.#operations.has(operation) ? operation : OTHER_OPERATION;
  }

  /** The identity provider's events, as metrics. */
  providerObserver(): { state: (state: ProviderState) => void; fetched: (ok: boolean) => void } {
    return {
      state: (state) => this.identityProvider.set(PROVIDER_VALUE[state]),
      fetched: (ok) => this.jwksFetches.inc({ outcome: ok ? 'ok' : 'error' }),
    };
  }
}
