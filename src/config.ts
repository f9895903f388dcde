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
    64,
    'keep-alive connections to the upstream at most',
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
  otlpEndpoint: setting(
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    null as string | null,
    'OpenTelemetry: send traces (a span per request and per upstream call) to this OTLP/HTTP collector',
    httpUrl,
    'http://otel-collector:4318',
  ),
  serviceName: setting('OTEL_SERVICE_NAME', 'selfcare-gateway', 'OpenTelemetry service name', text),
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
  msisdnClaim: setting('AUTH_MSISDN_CLAIM', 'msisdn', "claim that names a subscriber token's own line", text),
  agentScope: setting(
    'AUTH_AGENT_SCOPE',
    'selfcare:agent',
    'scope (in the `scope` claim) that lets a token reach any line',
    text,
  ),
};

export const LIMIT_SETTINGS = {
  maxDepth: setting('MAX_DEPTH', 10, 'deepest field nesting of a GraphQL operation', integer(1, 100)),
  maxAliases: setting('MAX_ALIASES', 15, 'most aliases in a GraphQL operation', integer(0, 1000)),
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
export type GatewayConfig = Values<typeof GATEWAY_SETTINGS> & { auth: AuthConfig; limits: LimitsConfig };
export type AuthConfig = Values<typeof AUTH_SETTINGS>;
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
      problems.push(`${spec.env}=${raw}: ${String(message)}`);
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
  if (problems.length > 0) throw new ConfigError(problems);
  return { gateway, sandbox };
}
