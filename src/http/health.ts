// Health for orchestrators and Prometheus: live = the process answers; ready = the upstream
// answers HTTP (any status); /metrics in the Prometheus text format.
import type { FastifyInstance } from 'fastify';
import type { Breakers } from '../upstream/resilience.ts';
import type { Metrics } from './metrics.ts';

export interface HealthOptions {
  /** A URL of the upstream to knock on (its base for the default market). */
  probeUrl: string;
  probeTimeoutMs: number;
  breakers: Breakers;
  metrics: Metrics;
  /** Brings gauges up to date before Prometheus reads them. */
  beforeScrape?: () => void;
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

export function registerHealth(app: FastifyInstance, options: HealthOptions): void {
  app.get('/health/live', async () => ({ status: 'ok' }));

  app.get('/health/ready', async (_request, reply) => {
    const upstream = await answers(options.probeUrl, options.probeTimeoutMs);
    const extra = Object.fromEntries(
      await Promise.all(
        Object.entries(options.checks ?? {}).map(async ([name, check]) => [name, await check()] as const),
      ),
    );
    const open = [...options.breakers.states()]
      .filter(([, state]) => state !== 'closed')
      .map(([op, state]) => ({ operation: op, state }));
    const ready = upstream;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'unavailable',
      upstream: upstream ? 'up' : 'down',
      breakers: open,
      ...extra,
    });
  });

  app.get('/metrics', async (_request, reply) => {
    options.beforeScrape?.();
    return reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
}
