// The gateway's HTTP server: Apollo Server 5 on Fastify, GraphQL at /graphql, and the REST
// compatibility router with its docs; both API surfaces behind one guard (auth, rate limit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import Keyv from 'keyv';
import { createAuthenticator } from '../auth/authenticate.ts';
import type { GatewayConfig } from '../config.ts';
import { operations } from '../contract/openapi.ts';
import { BASE_PATH } from '../contract/requests.ts';
import { type Context, createContext } from '../graphql/context.ts';
import { formatError } from '../graphql/errors.ts';
import { limitRules, operationLimits } from '../graphql/limits.ts';
import { mutationLines } from '../graphql/mutation-lines.ts';
import { graphqlMetrics, knownOperationNames } from '../graphql/observation.ts';
import { createSchema } from '../graphql/schema.ts';
import { loadTrustedDocuments, trustedOnly } from '../graphql/trusted.ts';
import { loggerOptions } from '../observability/logging.ts';
import { Metrics } from '../observability/metrics.ts';
import { restDocs } from '../rest/docs.ts';
import { restLines, restRefusal, restRouter } from '../rest/router.ts';
import type { SharedState } from '../shared/redis.ts';
import type { Refusal } from '../shared/refusal.ts';
import { memoryIdempotency, sharedIdempotency, sharedRateLimitStore } from '../shared/stores.ts';
import { BoundedMap } from '../upstream/cache.ts';
import { createUpstreamClient } from '../upstream/client.ts';
import { createCredentials } from '../upstream/credentials.ts';
import { watchAbandoned } from './abandoned.ts';
import { persistedQueryHashes } from './apq.ts';
import { registerCors } from './cors.ts';
import { answerThrown, guardRoot, guardSurface } from './guard.ts';
import { registerHealth } from './health.ts';
import { idempotency } from './idempotency.ts';
import { boundedJson } from './json.ts';
import { correlationIdOf, observeRequests } from './observation.ts';

export const DASHBOARD_QUERY = readFileSync(
  join(import.meta.dirname, '../../operations/Dashboard.graphql'),
  'utf8',
);
export const GRAPHQL_PATH = '/graphql';

export interface GatewayOptions {
  config: GatewayConfig;
  /** The upstream base URL with `{country}`; overrides config.upstreamUrl (e.g. an in-process sandbox). */
  upstreamUrl: string;
  /** A line and a token to open the landing page's example query with. */
  demo?: { msisdn: string; token?: string };
  /** State shared with the other replicas (Redis); in-process memory without it. */
  shared?: SharedState;
}

export interface Gateway {
  app: FastifyInstance;
  metrics: Metrics;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Apollo's cache interface over a Keyv (seconds of TTL become milliseconds). */
const apqCache = (keyv: Keyv) => ({
  get: async (key: string) => (await keyv.get(key)) as string | undefined,
  set: async (key: string, value: string, options?: { ttl?: number | null }) => {
    await keyv.set(key, value, options?.ttl ? options.ttl * 1000 : undefined);
  },
  delete: (key: string) => keyv.delete(key),
});

const graphqlRefusal: Refusal = (_request, _status, code, message) => ({
  errors: [{ message, extensions: { code } }],
});

/**
 * The landing page (a browser's GET of the page, with no operation in it) needs no token; any GET
 * that carries an operation (a query or a persisted-query hash) does.
 */
const isLandingPage = (request: FastifyRequest) => {
  const query = request.query as Record<string, unknown>;
  return (
    request.method === 'GET' &&
    query.query === undefined &&
    query.extensions === undefined &&
    (request.headers.accept ?? '').includes('text/html')
  );
};

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const metrics = new Metrics();
  metrics.knowOperations(operations.map((o) => o.operationId));
  metrics.knowGraphqlOperations(knownOperationNames(config.trustedDocuments));
  const { shared } = options;
  const memory = (max: number) => new Keyv({ store: new BoundedMap(max) });
  if (shared) metrics.sharedState.set(shared.up() ? 1 : 0);
  const upstream = createUpstreamClient({
    baseUrl: options.upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    timeouts: config.upstreamTimeouts,
    maxSockets: config.upstreamMaxSockets,
    maxQueue: config.upstreamMaxQueue,
    retries: config.upstreamRetries,
    retryBaseMs: config.upstreamRetryBaseMs,
    maxBodyBytes: config.upstreamMaxBodyBytes,
    breaker: { failures: config.breakerFailures, cooldownMs: config.breakerCooldownMs },
    cache: config.cache ? (shared?.keyv('cache') ?? memory(config.cacheMaxEntries)) : null,
    credentials: createCredentials(config.upstreamAuth, config.upstreamTimeoutMs),
    // The app's logger, once it exists: drift is only ever reported after start-up.
    observer: metrics.observer((fields, message) => app.log.warn(fields, message)),
  });
  const authenticator = await createAuthenticator(config.auth, metrics.providerObserver());
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: config.limits.maxBodyBytes,
    genReqId: (request) => correlationIdOf(request.headers['x-correlation-id']),
    // A client that sends its request too slowly (a slowloris) gets 408 and is cut off; Node checks
    // open requests every quarter of the shorter timeout (30 s at most, its default).
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.headersTimeoutMs / 4)),
    },
    trustProxy: config.trustProxy ?? false,
  });
  boundedJson(app, config.limits.maxJsonDepth);
  const refuseFor = (request: FastifyRequest): Refusal | null => {
    const path = request.url.split('?')[0] ?? '';
    if (path === GRAPHQL_PATH) return graphqlRefusal;
    return config.restRouter && path.startsWith(`${BASE_PATH}/`) ? restRefusal : null;
  };
  // While closing, answers tell keep-alive clients to go, so in-flight requests end the connections.
  let closing = false;
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  watchAbandoned(app);
  observeRequests(app, metrics, (request) => {
    const refuse = refuseFor(request);
    return refuse === graphqlRefusal ? 'graphql' : refuse === restRefusal ? 'rest' : null;
  });
  await registerCors(app, config, (request) => refuseFor(request) !== null);
  const failures = await guardRoot(app, config.limits, refuseFor, shared && sharedRateLimitStore(shared));
  app.setErrorHandler(answerThrown(refuseFor, config.limits.maxBodyBytes));
  registerHealth(app, {
    probeUrl: options.upstreamUrl.replace('{country}', config.defaultCountry),
    probeTimeoutMs: Math.min(config.upstreamTimeoutMs, 2000),
    breakers: upstream.breakers,
    identityProvider: () => authenticator.identityProvider(),
    metrics,
    beforeScrape: () => {
      if (shared) metrics.sharedState.set(shared.up() ? 1 : 0);
    },
    checks: shared && {
      redis: async () => {
        metrics.sharedState.set(shared.up() ? 1 : 0);
        return shared.up();
      },
    },
  });

  const landingPage = config.production
    ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
    : ApolloServerPluginLandingPageLocalDefault({
        footer: false,
        document: DASHBOARD_QUERY,
        variables: {
          msisdn: options.demo?.msisdn ?? '50491234567',
          country: config.defaultCountry.toUpperCase(),
        },
        headers: options.demo?.token ? { authorization: `Bearer ${options.demo.token}` } : {},
      });
  const schema = createSchema();
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
    ...(shared && { persistedQueries: { cache: apqCache(shared.keyv('apq')), ttl: 86_400 } }),
    validationRules: limitRules(config.limits),
    plugins: [
      // No cache hints are used; the plugin would otherwise run for every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      landingPage,
      operationLimits(config.limits),
      graphqlMetrics(metrics),
    ],
  });
  await apollo.start();

  const context = (request: FastifyRequest) =>
    createContext({
      config,
      api: upstream.api,
      principal: request.principal ?? { subject: 'anonymous', msisdn: null, country: null, agent: false },
      correlationId: request.id,
      report: request.report,
      span: request.span,
      authorization: request.headers.authorization,
      signal: request.abandoned,
      onBatch: (loader, size) => metrics.batch(loader, size),
    });
  const ownKeys = memoryIdempotency(memory(config.idempotencyMaxKeys));
  const writes = {
    store: shared ? sharedIdempotency(shared, ownKeys) : ownKeys,
    ttlMs: config.idempotencyTtlMs,
  };
  await app.register(async (scope) => {
    guardSurface(scope, authenticator, failures, { open: isLandingPage, refuse: graphqlRefusal });
    // Trusted documents first: a manifest id (`sha256:<hex>`) is swapped for its text before the APQ
    // hash check, which would refuse it as no SHA-256.
    if (config.trustedDocuments) {
      scope.addHook('preHandler', trustedOnly(loadTrustedDocuments(config.trustedDocuments), graphqlRefusal));
    }
    scope.addHook('preHandler', persistedQueryHashes(graphqlRefusal));
    idempotency(scope, {
      ...writes,
      refuse: graphqlRefusal,
      lines: mutationLines(schema, config.defaultCountry),
    });
    await scope.register(fastifyApollo(apollo), {
      path: GRAPHQL_PATH,
      context: async (request) => context(request),
    });
  });
  if (config.restRouter) {
    await app.register(async (scope) => {
      guardSurface(scope, authenticator, failures, { refuse: restRefusal });
      idempotency(scope, { ...writes, refuse: restRefusal, lines: restLines });
      await restRouter(scope, { apollo, context });
    });
    await restDocs(app, config.production ? undefined : options.demo?.token);
  }

  return {
    app,
    metrics,
    listen: async (port = config.port, host = config.host) => {
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      return `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}`;
    },
    close: async () => {
      closing = true;
      await app.close();
      upstream.close();
    },
  };
}
