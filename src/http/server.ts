// The gateway's HTTP server: Apollo Server 5 on Fastify, GraphQL at /graphql, and the REST
// compatibility router with its docs; both API surfaces behind one guard (auth, rate limit). Each
// concern is a plugin of its own file; this file says in which order they wrap the requests.
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import Keyv from 'keyv';
import { type Authenticator, createAuthenticator } from '../auth/authenticate.ts';
import type { GatewayConfig } from '../config.ts';
import { operations } from '../contract/openapi.ts';
import { BASE_PATH } from '../contract/requests.ts';
import { startApollo } from '../graphql/apollo.ts';
import { createContext } from '../graphql/context.ts';
import { mutationLines } from '../graphql/mutation-lines.ts';
import { knownOperationNames } from '../graphql/observation.ts';
import { createSchema } from '../graphql/schema.ts';
import { trustedDocuments } from '../graphql/trusted.ts';
import { loggerOptions } from '../observability/logging.ts';
import { Metrics } from '../observability/metrics.ts';
import { restDocs } from '../rest/docs.ts';
import { restLines, restRefusal, restRouter } from '../rest/router.ts';
import type { SharedState } from '../shared/redis.ts';
import type { Refusal } from '../shared/refusal.ts';
import { memoryIdempotency, sharedIdempotency, sharedRateLimitStore } from '../shared/stores.ts';
import { BoundedMap } from '../upstream/cache.ts';
import { createUpstreamClient, type UpstreamClient } from '../upstream/client.ts';
import { createCredentials } from '../upstream/credentials.ts';
import { abandoned } from './abandoned.ts';
import { persistedQueryHashes } from './apq.ts';
import { apiCors } from './cors.ts';
import { authentication, guard } from './guard.ts';
import { health } from './health.ts';
import { idempotency } from './idempotency.ts';
import { boundedJson } from './json.ts';
import { correlationIdOf, observation } from './observation.ts';

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

const serverOptions = (config: GatewayConfig) => ({
  logger: loggerOptions(config.logLevel),
  bodyLimit: config.limits.maxBodyBytes,
  genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
    correlationIdOf(request.headers['x-correlation-id']),
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

const memory = (max: number) => new Keyv({ store: new BoundedMap(max) });

function upstreamClient(options: GatewayOptions, metrics: Metrics, warn: (f: object, m: string) => void) {
  const { config, shared } = options;
  return createUpstreamClient({
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
    observer: metrics.observer(warn),
  });
}

/** Health and /metrics: the upstream, the identity provider, and the shared store when there is one. */
function healthOptions(
  options: GatewayOptions,
  upstream: UpstreamClient,
  auth: Authenticator,
  metrics: Metrics,
) {
  const { config, shared } = options;
  const sharedUp = () => {
    const up = shared?.up() ?? false;
    if (shared) metrics.sharedState.set(up ? 1 : 0);
    return up;
  };
  return {
    probeUrl: options.upstreamUrl.replace('{country}', config.defaultCountry),
    probeTimeoutMs: Math.min(config.upstreamTimeoutMs, 2000),
    breakers: upstream.breakers,
    identityProvider: () => auth.identityProvider(),
    metrics,
    beforeScrape: sharedUp,
    checks: shared && { redis: async () => sharedUp() },
  };
}

function gatewayMetrics({ config, shared }: GatewayOptions): Metrics {
  const metrics = new Metrics();
  metrics.knowOperations(operations.map((o) => o.operationId));
  metrics.knowGraphqlOperations(knownOperationNames(config.trustedDocuments));
  if (shared) metrics.sharedState.set(shared.up() ? 1 : 0);
  return metrics;
}

/** The GraphQL context of a request, for /graphql and the REST routes alike. */
const contextFor =
  (config: GatewayConfig, upstream: UpstreamClient, metrics: Metrics) => (request: FastifyRequest) =>
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

/** Idempotency-Keys of both surfaces: in Redis when replicas share it, with this process's memory as fallback. */
function writesOf({ config, shared }: GatewayOptions) {
  const ownKeys = memoryIdempotency(memory(config.idempotencyMaxKeys));
  return { store: shared ? sharedIdempotency(shared, ownKeys) : ownKeys, ttlMs: config.idempotencyTtlMs };
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, shared } = options;
  const metrics = gatewayMetrics(options);
  // The app's logger, once it exists: drift is only ever reported after start-up.
  const upstream = upstreamClient(options, metrics, (fields, message) => app.log.warn(fields, message));
  const authenticator = await createAuthenticator(config.auth, metrics.providerObserver());
  const app = Fastify(serverOptions(config));
  const refuseFor = (request: FastifyRequest): Refusal | null => {
    const path = request.url.split('?')[0] ?? '';
    if (path === GRAPHQL_PATH) return graphqlRefusal;
    return config.restRouter && path.startsWith(`${BASE_PATH}/`) ? restRefusal : null;
  };
  // While closing, answers tell keep-alive clients to go, so in-flight requests end the connections.
  let closing = false;
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  await app.register(boundedJson, { maxDepth: config.limits.maxJsonDepth });
  await app.register(abandoned);
  await app.register(observation, {
    metrics,
    surfaceOf: (request) => {
      const refuse = refuseFor(request);
      return refuse === graphqlRefusal ? 'graphql' : refuse === restRefusal ? 'rest' : null;
    },
  });
  await app.register(apiCors, { config, isApi: (request) => refuseFor(request) !== null });
  await app.register(guard, {
    limits: config.limits,
    refuseFor,
    store: shared && sharedRateLimitStore(shared),
  });
  await app.register(health, healthOptions(options, upstream, authenticator, metrics));

  const schema = createSchema();
  const apollo = await startApollo({
    config,
    schema,
    metrics,
    demo: options.demo,
    apq: shared?.keyv('apq'),
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  const context = contextFor(config, upstream, metrics);
  const writes = writesOf(options);
  await app.register(async (graphql) => {
    await graphql.register(authentication, { authenticator, open: isLandingPage, refuse: graphqlRefusal });
    // Trusted documents first: a manifest id (`sha256:<hex>`) is swapped for its text before the APQ
    // hash check, which would refuse it as no SHA-256.
    if (config.trustedDocuments) {
      await graphql.register(trustedDocuments, { file: config.trustedDocuments, refuse: graphqlRefusal });
    }
    await graphql.register(persistedQueryHashes, { refuse: graphqlRefusal });
    const lines = mutationLines(schema, config.defaultCountry);
    await graphql.register(idempotency, { ...writes, refuse: graphqlRefusal, lines });
    await graphql.register(fastifyApollo(apollo), { path: GRAPHQL_PATH, context: async (r) => context(r) });
  });
  if (config.restRouter) {
    await app.register(async (rest) => {
      await rest.register(authentication, { authenticator, refuse: restRefusal });
      await rest.register(idempotency, { ...writes, refuse: restRefusal, lines: restLines });
      await restRouter(rest, { apollo, context });
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
