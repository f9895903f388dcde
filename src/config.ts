// The only reader of process.env. Every setting is declared once below (name, default, meaning,
// parser), checked at start with one message per bad value, and listed in docs by the same table.

/** Markets of the contract (its `country` server variable). */
export const COUNTRIES = ['bo', 'co', 'gt', 'hn', 'ni', 'pa', 'py', 'sv'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface Setting<T> {
  env: string;
  fallback: T;
  description: string;
  example?: string;
  /** How the default reads in docs, when the value itself would mislead. */
  shown?: string;
  /** A credential: a bad value's message never repeats it. */
  secret?: boolean;
  /** Returns the value, or throws a message saying what was expected. */
  parse: (raw: string) => T;
}

const setting = <T>(
  env: string,
  fallback: T,
  description: string,
  parse: (raw: string) => T,
  example?: string,
): Setting<T> => ({
  env,
  fallback,
  description,
  parse,
  example,
});

const integer = (min: number, max: number) => (raw: string) => {
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max)
    throw `expected a whole number from ${min} to ${max}`;
  return value;
};
const fraction = (raw: string) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw 'expected a number from 0 to 1';
  return value;
};
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (raw: string): T => {
    if (!allowed.includes(raw as T)) throw `expected one of ${allowed.join(', ')}`;
    return raw as T;
  };
const boolean = (raw: string) => oneOf(['true', 'false'])(raw) === 'true';
const text = (raw: string) => raw;
const httpUrl = (raw: string) => {
  if (!URL.canParse(raw) || !['http:', 'https:'].includes(new URL(raw).protocol))
    throw 'expected an http(s) URL';
  return raw;
};
const timeoutOverrides = (raw: string) => {
  const entries = raw.split(',').map((pair) => pair.trim().split('='));
  if (entries.some(([name, ms]) => !/^[A-Za-z]+$/.test(name ?? '') || !/^[0-9]+$/.test(ms ?? ''))) {
    throw 'expected operationId=milliseconds pairs separated by commas';
  }
  return Object.fromEntries(entries.map(([name, ms]) => [name as string, Number(ms)]));
};
/** Static upstream headers: a JSON object of header names to string values. */
const headerMap = (raw: string) => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw 'expected a JSON object of header names to values, e.g. {"x-api-key": "…"}';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0)
    throw 'expected a non-empty JSON object of header names to values';
  for (const [name, v] of Object.entries(value)) {
    if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) throw `"${name}" is not a header name`;
    if (typeof v !== 'string' || !/^[\t\x20-\x7e\x80-\xff]*$/.test(v))
      throw `the value of ${name} must be a string without control characters`;
  }
  return value as Record<string, string>;
};
const upstreamUrl = (raw: string) => {
  const sample = raw.replace('{country}', 'hn');
  if (
    !raw.includes('{country}') ||
    !URL.canParse(sample) ||
    !['http:', 'https:'].includes(new URL(sample).protocol)
  ) {
    throw 'expected an http(s) URL up to the country, e.g. http://host:4010/v2/tigo/mobile/{country}';
  }
  return raw.replace(/\/+$/, '');
};

/**
 * CORS_ORIGINS: web origins allowed to call from a browser, separated by commas. Each is an exact
 * origin (`https://app.example.com`), an origin with `*` as its leftmost labels (`https://*.example.com`,
 * one or more labels) and/or as its port (`http://localhost:*`, any port or none), or a regular
 * expression between slashes (`/^https:\/\/pr-\d+\.example\.com$/`) that must match the whole origin.
 */
export function originPatterns(raw: string): RegExp[] {
  const patterns: RegExp[] = [];
  const entry = /\s*(\/(?:[^/\\]|\\.)+\/|[^,\s]+)\s*(?:,|$)/y;
  while (entry.lastIndex < raw.length) {
    const found = entry.exec(raw)?.[1];
    if (found === undefined) throw 'expected origins separated by commas';
    patterns.push(originPattern(found));
  }
  return patterns;
}

const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/i;

function originPattern(entry: string): RegExp {
  if (entry.startsWith('/')) {
    try {
      return new RegExp(`^(?:${entry.slice(1, -1)})$`);
    } catch (error) {
      throw `${entry} is not a regular expression: ${(error as Error).message}`;
    }
  }
  const [, scheme, anySubdomain, host, port] = ORIGIN.exec(entry) ?? [];
  const fixedPort = port && port !== '*' ? `:${port}` : '';
  if (!scheme || !host || !URL.canParse(`${scheme}://${host}${fixedPort}`)) {
    throw `${entry} is not an origin (scheme://host[:port], with * only as the leftmost labels or the port)`;
  }
  // Browsers send an origin serialized: in lower case, without the scheme's default port.
  const { protocol, host: exact } = new URL(`${scheme}://${host}${fixedPort}`);
  const labels = anySubdomain ? '(?:[a-z0-9-]+\\.)+' : '';
  const anyPort = port === '*' ? '(?::\\d{1,5})?' : '';
  return new RegExp(`^${protocol}//${labels}${exact.replace(/[.[\]]/g, '\\$&')}${anyPort}$`);
}

/**
 * Origins allowed outside production when CORS_ORIGINS is unset: a dev server on this machine, and
 * Apollo Sandbox at its hosted address (the one embedded at /graphql is the gateway's own origin).
 */
export const DEVELOPMENT_ORIGINS = originPatterns(
  'http://localhost:*, https://localhost:*, http://127.0.0.1:*, https://127.0.0.1:*, http://[::1]:*, https://studio.apollographql.com',
);

export const GATEWAY_SETTINGS = {
  port: setting('PORT', 4000, 'port of the gateway', integer(0, 65535)),
  host: setting('HOST', '0.0.0.0', 'address the gateway listens on', text),
  production: {
    ...setting(
      'NODE_ENV',
      false,
      '`production` hides stack traces, upstream details, introspection and suggestions, and requires real JWT settings',
      (raw) => raw === 'production',
      'production',
    ),
    shown: '(unset)',
  },
  introspection: {
    ...setting(
      'INTROSPECTION',
      null as boolean | null,
      'answer GraphQL introspection (Apollo Sandbox, codegen); unset, on outside production and off in production',
      boolean,
    ),
    shown: '(on; off in production)',
  },
  logLevel: setting('LOG_LEVEL', 'info' as (typeof LOG_LEVELS)[number], 'pino log level', oneOf(LOG_LEVELS)),
  upstreamUrl: setting(
    'UPSTREAM_URL',
    null as string | null,
    "the REST API's base up to its country, with `{country}`; unset, the Sandbox starts in-process and is the upstream",
    upstreamUrl,
    'http://host:4010/v2/tigo/mobile/{country}',
  ),
  upstreamTimeoutMs: setting(
    'UPSTREAM_TIMEOUT_MS',
    5000,
    'time an upstream call may take (UPSTREAM_TIMEOUT after)',
    integer(1, 600_000),
  ),
  upstreamTimeouts: {
    ...setting(
      'UPSTREAM_TIMEOUTS',
      {} as Record<string, number>,
      'timeouts of single operations, overriding UPSTREAM_TIMEOUT_MS',
      timeoutOverrides,
      'GetDataUsageByMSISDNPerHourAndApp=8000,GetStatusOfSubscriberByMSISDN=2000',
    ),
    shown: '(none)',
  },
  upstreamRetries: setting(
    'UPSTREAM_RETRIES',
    2,
    'extra tries of a read after a timeout, a lost connection or a 502/503/504 (writes: never)',
    integer(0, 10),
  ),
  upstreamRetryBaseMs: setting(
    'UPSTREAM_RETRY_BASE_MS',
    50,
    'backoff base: try n waits a random time up to base × 2^n',
    integer(0, 60_000),
  ),
  upstreamMaxQueue: setting(
    'UPSTREAM_MAX_QUEUE',
    1024,
    'upstream calls that may wait for a free connection; past that, UPSTREAM_UNAVAILABLE at once',
    integer(0, 1_000_000),
  ),
  upstreamMaxBodyBytes: setting(
    'UPSTREAM_MAX_BODY_BYTES',
    4_194_304,
    'largest upstream answer read; larger is UPSTREAM_ERROR',
    integer(1024, 1_073_741_824),
  ),
  breakerFailures: setting(
    'BREAKER_FAILURES',
    5,
    'consecutive failures of an operation that open its circuit',
    integer(1, 1000),
  ),
  breakerCooldownMs: setting(
    'BREAKER_COOLDOWN_MS',
    10_000,
    'how long an open circuit fails fast before one trial call',
    integer(100, 3_600_000),
  ),
  idempotencyTtlMs: setting(
    'IDEMPOTENCY_TTL_MS',
    86_400_000,
    'how long an Idempotency-Key and its answer are kept',
    integer(1000, 2_592_000_000),
  ),
  idempotencyMaxKeys: setting(
    'IDEMPOTENCY_MAX_KEYS',
    100_000,
    'Idempotency-Keys kept in memory (without Redis)',
    integer(1, 10_000_000),
  ),
  cache: setting(
    'CACHE',
    true,
    'cache upstream reads as RFC 9111 allows (catalogs, for the max-age the upstream gives)',
    boolean,
  ),
  cacheMaxEntries: setting(
    'CACHE_MAX_ENTRIES',
    10_000,
    'entries of the in-memory cache',
    integer(1, 10_000_000),
  ),
  upstreamMaxSockets: setting(
    'UPSTREAM_MAX_SOCKETS',
    // 64 queued calls at 50 concurrent dashboards (300 reads in flight): p50 61 ms and 779 req/s
    // against 38-41 ms and 1,149-1,234 req/s with 256 (docs/benchmarks.md).
    256,
    'keep-alive connections to the upstream, and upstream calls in flight, at most',
    integer(1, 10_000),
  ),
  defaultCountry: setting(
    'DEFAULT_COUNTRY',
    'hn' as (typeof COUNTRIES)[number],
    'market of queries that name none, when the token names none either',
    oneOf(COUNTRIES),
  ),
  redisUrl: setting(
    'REDIS_URL',
    null as string | null,
    'Redis shared by replicas: HTTP cache, persisted queries, Idempotency-Keys, rate-limit counters; unset, each process keeps its own',
    (raw: string) => {
      if (!URL.canParse(raw) || !['redis:', 'rediss:', 'unix:'].includes(new URL(raw).protocol)) {
        throw 'expected redis://host:6379, rediss://… or unix:///path/to/redis.sock';
      }
      return raw;
    },
    'redis://redis-master:6379',
  ),
  trustedDocuments: setting(
    'TRUSTED_DOCUMENTS',
    null as string | null,
    'a persisted-documents JSON (id → document): /graphql then runs only those documents, e.g. kit/__generated__/persisted-documents.json',
    text,
    'kit/__generated__/persisted-documents.json',
  ),
  corsOrigins: {
    ...setting(
      'CORS_ORIGINS',
      null as RegExp[] | null,
      'web origins a browser may call /graphql and the REST paths from, separated by commas: exact (`https://app.example.com`), `*` as leftmost labels or port (`https://*.example.com`, `http://localhost:*`), or a `/regular expression/` matching the whole origin',
      originPatterns,
      'https://app.example.com, https://*.preview.example.com',
    ),
    shown:
      '(unset): localhost, 127.0.0.1 and [::1] on any port, and https://studio.apollographql.com, outside production; none in production',
  },
  otlpEndpoint: setting(
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    null as string | null,
    'OpenTelemetry: send traces (a span per request and per upstream call) to this OTLP/HTTP collector',
    httpUrl,
    'http://otel-collector:4318',
  ),
  serviceName: setting('OTEL_SERVICE_NAME', 'selfcare-gateway', 'OpenTelemetry service name', text),
  requestTimeoutMs: setting(
    'REQUEST_TIMEOUT_MS',
    30_000,
    'time a client has to send a whole request, headers and body; past it, 408 and the connection is closed (slow bodies)',
    integer(1000, 600_000),
  ),
  headersTimeoutMs: setting(
    'HEADERS_TIMEOUT_MS',
    10_000,
    "time a client has to send a request's headers (408 after); at most REQUEST_TIMEOUT_MS",
    integer(1000, 600_000),
  ),
  keepAliveTimeoutMs: setting(
    'KEEP_ALIVE_TIMEOUT_MS',
    72_000,
    "how long an idle keep-alive connection stays open; above the load balancer's idle timeout (often 60 s), so the balancer closes first",
    integer(1000, 3_600_000),
  ),
  connectionTimeoutMs: setting(
    'CONNECTION_TIMEOUT_MS',
    120_000,
    'a connection with no traffic either way for this long is closed',
    integer(1000, 3_600_000),
  ),
  trustProxy: {
    ...setting(
      'TRUST_PROXY',
      null as string | null,
      'load balancers whose X-Forwarded-For names the client (for the per-address limit of failed authentications): their addresses or CIDRs, comma-separated',
      text,
      '10.0.0.0/8',
    ),
    shown: '(none: the peer address)',
  },
  restRouter: setting(
    'REST_ROUTER',
    true,
    'serve the legacy REST paths, /rest/openapi.json and Swagger UI at /docs/',
    boolean,
  ),
};

export const AUTH_SETTINGS = {
  disabled: setting(
    'AUTH_DISABLED',
    false,
    'no authentication at all: local work only, refused in production',
    boolean,
  ),
  jwksUrl: setting(
    'AUTH_JWKS_URL',
    null as string | null,
    'JWKS of the token issuer; unset outside production, a local key signs and checks tokens',
    httpUrl,
    'https://id.example/.well-known/jwks.json',
  ),
  issuer: setting('AUTH_ISSUER', 'selfcare-gateway-dev', 'required `iss` of tokens', text),
  audience: setting('AUTH_AUDIENCE', 'selfcare-gateway', 'required `aud` of tokens', text),
  devKeyFile: setting(
    'AUTH_DEV_KEY_FILE',
    '.dev-auth/jwk.json',
    'the local development key pair (made on first use)',
    text,
  ),
  clockSkewS: setting(
    'AUTH_CLOCK_SKEW_S',
    30,
    'clock difference with the token issuer tolerated in `exp` and `nbf` (every token needs `exp` and `sub`)',
    integer(0, 300),
  ),
  msisdnClaim: setting('AUTH_MSISDN_CLAIM', 'msisdn', "claim that names a subscriber token's own line", text),
  agentScope: setting(
    'AUTH_AGENT_SCOPE',
    'selfcare:agent',
    'scope (in the `scope` claim) that lets a token reach any line',
    text,
  ),
  jwksTimeoutMs: setting(
    'AUTH_JWKS_TIMEOUT_MS',
    2000,
    'longest wait for one JWKS fetch; concurrent requests share one fetch',
    integer(100, 60_000),
  ),
  jwksMaxAgeMs: setting(
    'AUTH_JWKS_MAX_AGE_MS',
    600_000,
    'how long fetched JWKS keys are fresh; the next request after that fetches them again',
    integer(1000, 86_400_000),
  ),
  jwksStaleMs: setting(
    'AUTH_JWKS_STALE_MS',
    3_600_000,
    'how long, past AUTH_JWKS_MAX_AGE_MS, the last keys still verify tokens while the JWKS cannot be reached',
    integer(0, 604_800_000),
  ),
  jwksCooldownMs: setting(
    'AUTH_JWKS_COOLDOWN_MS',
    30_000,
    'after a JWKS fetch, no new one for a token with an unknown `kid` (a rotation) within this time',
    integer(0, 3_600_000),
  ),
  jwksRetryMs: setting(
    'AUTH_JWKS_RETRY_MS',
    5000,
    'after a failed JWKS fetch, no new one within this time; tokens no cached key covers get 503 AUTH_UNAVAILABLE with Retry-After',
    integer(100, 3_600_000),
  ),
};

export const UPSTREAM_AUTH_MODES = ['none', 'headers', 'client_credentials', 'forward'] as const;

export const UPSTREAM_AUTH_SETTINGS = {
  mode: setting(
    'UPSTREAM_AUTH',
    'none' as (typeof UPSTREAM_AUTH_MODES)[number],
    "how the gateway identifies itself to the upstream: `none` (the Sandbox); `headers` (UPSTREAM_HEADERS on every call, e.g. an API key); `client_credentials` (an OAuth 2.0 token from UPSTREAM_TOKEN_URL); `forward` (the caller's own `Authorization: Bearer` token)",
    oneOf(UPSTREAM_AUTH_MODES),
  ),
  headers: {
    ...setting(
      'UPSTREAM_HEADERS',
      null as Record<string, string> | null,
      'with UPSTREAM_AUTH=headers: the headers sent on every upstream call, as a JSON object; a secret, never logged',
      headerMap,
      '{"x-api-key": "…"}',
    ),
    secret: true,
  },
  tokenUrl: setting(
    'UPSTREAM_TOKEN_URL',
    null as string | null,
    'with UPSTREAM_AUTH=client_credentials: the token endpoint (https, or http on a loopback address)',
    httpUrl,
    'https://api.example/oauth/token',
  ),
  clientId: setting(
    'UPSTREAM_CLIENT_ID',
    null as string | null,
    "with UPSTREAM_AUTH=client_credentials: the gateway's client id",
    text,
  ),
  clientSecret: {
    ...setting(
      'UPSTREAM_CLIENT_SECRET',
      null as string | null,
      "with UPSTREAM_AUTH=client_credentials: the gateway's client secret; never logged",
      text,
    ),
    secret: true,
  },
  scope: setting(
    'UPSTREAM_SCOPE',
    null as string | null,
    'with UPSTREAM_AUTH=client_credentials: the scopes asked for, separated by spaces; unset, none is asked for',
    text,
  ),
  clientAuth: setting(
    'UPSTREAM_CLIENT_AUTH',
    'basic' as 'basic' | 'post',
    'with UPSTREAM_AUTH=client_credentials: how the client authenticates at the token endpoint: `basic` (client_secret_basic) or `post` (client_secret_post)',
    oneOf(['basic', 'post'] as const),
  ),
};

export const LIMIT_SETTINGS = {
  maxDepth: setting(
    'MAX_DEPTH',
    10,
    "deepest field nesting of a GraphQL operation's own fields (introspection has its own bounds)",
    integer(1, 100),
  ),
  maxAliases: setting('MAX_ALIASES', 15, 'most aliases in a GraphQL operation', integer(0, 1000)),
  maxSelections: setting(
    'MAX_SELECTIONS',
    1000,
    'most fields a GraphQL operation reaches with its fragments inlined (the standard introspection query reaches about 230)',
    integer(10, 1_000_000),
  ),
  maxFragmentSpreads: setting(
    'MAX_FRAGMENT_SPREADS',
    100,
    'most fragment spreads a GraphQL operation reaches with its fragments inlined',
    integer(0, 100_000),
  ),
  maxTokens: setting('MAX_TOKENS', 1000, 'most lexical tokens in a GraphQL document', integer(10, 100_000)),
  maxCost: setting(
    'MAX_COST',
    100,
    'most upstream reads and writes one operation may cost',
    integer(1, 100_000),
  ),
  maxSubscribers: setting(
    'MAX_SUBSCRIBERS',
    20,
    'most lines one `subscribers(msisdns:)` may ask for',
    integer(1, 1000),
  ),
  maxBodyBytes: setting('MAX_BODY_BYTES', 65_536, 'largest request body', integer(1024, 10_485_760)),
  maxJsonDepth: setting(
    'MAX_JSON_DEPTH',
    32,
    'deepest nesting of arrays and objects in a JSON request body (400 past it)',
    integer(2, 1000),
  ),
  rateLimit: setting(
    'RATE_LIMIT_MAX',
    300,
    'requests per token subject per window (GraphQL and REST together; a request without a valid token is a 401 first)',
    integer(1, 1_000_000),
  ),
  rateLimitWindowMs: setting(
    'RATE_LIMIT_WINDOW_MS',
    60_000,
    'length of the rate-limit window',
    integer(1000, 86_400_000),
  ),
  authFailureMax: setting(
    'AUTH_FAILURE_LIMIT_MAX',
    300,
    'failed authentications per client address per window; past it, tokens not yet seen valid from that address get 429 without a signature check (valid requests, and requests with no token, never count)',
    integer(1, 1_000_000),
  ),
  authFailureWindowMs: setting(
    'AUTH_FAILURE_LIMIT_WINDOW_MS',
    60_000,
    'length of the failed-authentication window',
    integer(1000, 86_400_000),
  ),
};

export const SANDBOX_SETTINGS = {
  port: setting('SANDBOX_PORT', 4010, 'port of the Sandbox', integer(0, 65535)),
  db: setting(
    'SANDBOX_DB',
    ':memory:',
    'SQLite file of the Sandbox; an existing seeded file is reused as it is',
    text,
  ),
  subscribers: setting(
    'SANDBOX_SUBSCRIBERS',
    1000,
    'lines in a new seed, over eight markets',
    integer(1, 10_000_000),
  ),
  requireAuth: setting(
    'SANDBOX_REQUIRE_AUTH',
    false,
    "the operations answer only calls with a valid, unexpired token from the Sandbox's `POST /oauth/token` (401 otherwise)",
    boolean,
  ),
  clientId: setting(
    'SANDBOX_CLIENT_ID',
    'selfcare-gateway',
    "the client the Sandbox's token endpoint knows (a development default)",
    text,
  ),
  clientSecret: setting(
    'SANDBOX_CLIENT_SECRET',
    'sandbox-secret',
    "that client's secret: a development default, so set your own wherever others can reach the Sandbox",
    text,
  ),
  tokenTtlS: setting(
    'SANDBOX_TOKEN_TTL_S',
    3600,
    "lifetime of the Sandbox's tokens in seconds (their `expires_in`)",
    integer(1, 86_400),
  ),
  latencyMs: setting('SANDBOX_LATENCY_MS', 0, 'latency added to every operation', integer(0, 60_000)),
  jitterMs: setting('SANDBOX_JITTER_MS', 0, 'random extra latency, from 0 to this', integer(0, 60_000)),
  errorRate: setting(
    'SANDBOX_ERROR_RATE',
    0,
    'share of calls answered with an injected 500, spread evenly',
    fraction,
  ),
};

type Values<S> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };
export type GatewayConfig = Values<typeof GATEWAY_SETTINGS> & {
  auth: AuthConfig;
  limits: LimitsConfig;
  upstreamAuth: UpstreamAuthConfig;
};
export type AuthConfig = Values<typeof AUTH_SETTINGS>;
export type UpstreamAuthConfig = Values<typeof UPSTREAM_AUTH_SETTINGS>;
export type LimitsConfig = Values<typeof LIMIT_SETTINGS>;
export type SandboxConfig = Values<typeof SANDBOX_SETTINGS>;

export interface Config {
  gateway: GatewayConfig;
  sandbox: SandboxConfig;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

function section<S extends Record<string, Setting<unknown>>>(
  env: Env,
  settings: S,
  problems: string[],
): Values<S> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(settings)) {
    const raw = env[spec.env];
    values[key] = spec.fallback;
    if (raw === undefined || raw === '') continue;
    try {
      values[key] = spec.parse(raw);
    } catch (message) {
      problems.push(`${spec.env}${spec.secret ? '' : `=${raw}`}: ${String(message)}`);
    }
  }
  return values as Values<S>;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const auth = section(env, AUTH_SETTINGS, problems);
  const gateway: GatewayConfig = {
    ...section(env, GATEWAY_SETTINGS, problems),
    auth,
    limits: section(env, LIMIT_SETTINGS, problems),
    upstreamAuth: section(env, UPSTREAM_AUTH_SETTINGS, problems),
  };
  const sandbox = section(env, SANDBOX_SETTINGS, problems);
  if (gateway.production && auth.disabled)
    problems.push('AUTH_DISABLED=true is refused with NODE_ENV=production');
  if (gateway.production && !auth.disabled && !auth.jwksUrl) {
    problems.push('AUTH_JWKS_URL is required with NODE_ENV=production (with AUTH_ISSUER and AUTH_AUDIENCE)');
  }
  if (auth.jwksUrl && (!env.AUTH_ISSUER || !env.AUTH_AUDIENCE)) {
    problems.push('AUTH_ISSUER and AUTH_AUDIENCE must be set with AUTH_JWKS_URL');
  }
  if (gateway.headersTimeoutMs > gateway.requestTimeoutMs) {
    problems.push('HEADERS_TIMEOUT_MS must not be above REQUEST_TIMEOUT_MS');
  }
  problems.push(...upstreamAuthProblems(gateway.upstreamAuth, gateway));
  if (problems.length > 0) throw new ConfigError(problems);
  return { gateway, sandbox };
}

/** Each UPSTREAM_AUTH mode has the settings it needs, and none of another mode's. */
function upstreamAuthProblems(upstream: UpstreamAuthConfig, gateway: GatewayConfig): string[] {
  const problems: string[] = [];
  const oauth = {
    tokenUrl: 'UPSTREAM_TOKEN_URL',
    clientId: 'UPSTREAM_CLIENT_ID',
    clientSecret: 'UPSTREAM_CLIENT_SECRET',
  };
  const isOauth = upstream.mode === 'client_credentials';
  for (const [key, env] of Object.entries({ ...oauth, scope: 'UPSTREAM_SCOPE' })) {
    const given = upstream[key as keyof typeof oauth] !== null;
    if (isOauth && !given && key in oauth)
      problems.push(`${env} is required with UPSTREAM_AUTH=client_credentials`);
    if (!isOauth && given) problems.push(`${env} is used only with UPSTREAM_AUTH=client_credentials`);
  }
  if (upstream.mode === 'headers' && !upstream.headers)
    problems.push('UPSTREAM_HEADERS is required with UPSTREAM_AUTH=headers');
  if (upstream.mode !== 'headers' && upstream.headers)
    problems.push('UPSTREAM_HEADERS is used only with UPSTREAM_AUTH=headers');
  if (upstream.tokenUrl && !secureOrLoopback(upstream.tokenUrl)) {
    problems.push(
      'UPSTREAM_TOKEN_URL must be https, or http on a loopback address (the client secret goes to it)',
    );
  }
  if (upstream.mode === 'forward' && gateway.auth.disabled) {
    problems.push('UPSTREAM_AUTH=forward needs callers with tokens: refused with AUTH_DISABLED=true');
  }
  return problems;
}

export const secureOrLoopback = (raw: string) => {
  const url = new URL(raw);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
};
