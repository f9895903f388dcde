// Health for orchestrators and Prometheus: live = the process answers; ready = the process can take
// requests, 200 whatever its dependencies do, with their state in the body: an upstream or identity
// provider outage hits every replica alike, and a load balancer that pulled them all would turn it
// into a full outage (no answers at all instead of clear 503s). /metrics in the Prometheus format.
import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from '../observability/metrics.ts';
import type { Breakers } from '../upstream/resilience.ts';

export interface HealthOptions {
  /** A URL of the upstream to knock on (its base for the default market). */
  probeUrl: string;
  probeTimeoutMs: number;
  breakers: Breakers;
  metrics: Metrics;
  /** Brings gauges up to date before Prometheus reads them. */
  beforeScrape?: () => void;
  /** The token issuer's state (src/auth/jwks.ts), or `local`/`disabled` without a JWKS. */
  identityProvider: () => Promise<string>;
  /** Extra readiness facts (e.g. the shared store), named. */
  checks?: Record<string, () => Promise<boolean>>;
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

export const health: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  app.get('/health/live', async () => ({ status: 'ok' }));

  app.get('/health/ready', async () => {
    const [upstream, identityProvider, extra] = await Promise.all([
      answers(options.probeUrl, options.probeTimeoutMs),
      options.identityProvider(),
      Promise.all(
        Object.entries(options.checks ?? {}).map(async ([name, check]) => [name, await check()] as const),
      ).then(Object.fromEntries),
    ]);
    const open = [...options.breakers.states()]
      .filter(([, state]) => state !== 'closed')
      .map(([op, state]) => ({ operation: op, state }));
    return {
      status: upstream && identityProvider !== 'down' ? 'ready' : 'degraded',
      upstream: upstream ? 'up' : 'down',
      identityProvider,
      breakers: open,
      ...extra,
    };
  });

  app.get('/metrics', async (_request, reply) => {
    options.beforeScrape?.();
    return reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
};
