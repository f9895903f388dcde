// The Apollo Server of /graphql: the schema with its limits, error formatting and metrics, the
// landing page, and automatic persisted queries shared by replicas when Redis is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type Keyv from 'keyv';
import type { GatewayConfig } from '../config.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Context } from './context.ts';
import { formatError } from './errors.ts';
import { limitRules, operationLimits } from './limits.ts';
import { graphqlMetrics } from './observation.ts';

export const DASHBOARD_QUERY = readFileSync(
  join(import.meta.dirname, '../../operations/Dashboard.graphql'),
  'utf8',
);

export interface ApolloOptions {
  config: GatewayConfig;
  schema: GraphQLSchema;
  metrics: Metrics;
  /** A line and a token to open the landing page's example query with. */
  demo?: { msisdn: string; token?: string };
  /** Where automatic persisted queries are kept when replicas share them; Apollo's memory without. */
  apq?: Keyv;
  /** The HTTP integration's own plugins (e.g. draining the server on stop). */
  plugins: ApolloServerPlugin<Context>[];
}

/** Apollo's cache interface over a Keyv (seconds of TTL become milliseconds). */
const apqCache = (keyv: Keyv) => ({
  get: async (key: string) => (await keyv.get(key)) as string | undefined,
  set: async (key: string, value: string, options?: { ttl?: number | null }) => {
    await keyv.set(key, value, options?.ttl ? options.ttl * 1000 : undefined);
  },
  delete: (key: string) => keyv.delete(key),
});

export async function startApollo({
  config,
  schema,
  metrics,
  demo,
  apq,
  plugins,
}: ApolloOptions): Promise<ApolloServer<Context>> {
  const landingPage = config.production
    ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
    : ApolloServerPluginLandingPageLocalDefault({
        footer: false,
        document: DASHBOARD_QUERY,
        variables: {
          msisdn: demo?.msisdn ?? '50491234567',
          country: config.defaultCountry.toUpperCase(),
        },
        headers: demo?.token ? { authorization: `Bearer ${demo.token}` } : {},
      });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(config.production),
    // Signals are the process's business (src/shutdown.ts), not the library's.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    introspection: config.introspection ?? !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Automatic persisted queries: in Redis when replicas share it, so a hash registered on one
    // replica is known to all; in this process's memory otherwise (Apollo's default).
    ...(apq && { persistedQueries: { cache: apqCache(apq), ttl: 86_400 } }),
    validationRules: limitRules(config.limits),
    plugins: [
      // No cache hints are used; the plugin would otherwise run for every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      ...plugins,
      landingPage,
      operationLimits(config.limits),
      graphqlMetrics(metrics),
    ],
  });
  await apollo.start();
  return apollo;
}
