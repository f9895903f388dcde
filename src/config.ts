// The only reader of process.env: every setting is parsed and checked here, once.

export interface SandboxConfig {
  port: number;
  /** SQLite file; ':memory:' keeps the database in memory. */
  db: string;
  subscribers: number;
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
}

export interface GatewayConfig {
  port: number;
  host: string;
  production: boolean;
  /** The REST API's base up to its country, with `{country}` in it; null starts the sandbox in-process. */
  upstreamUrl: string | null;
  upstreamTimeoutMs: number;
  upstreamMaxSockets: number;
  /** Market used when a query names none. */
  defaultCountry: string;
  /** Most lines one `subscribers(msisdns:)` may ask for. */
  maxSubscribers: number;
  /** Serve the legacy REST paths (and their docs) beside /graphql. */
  restRouter: boolean;
}

export interface Config {
  gateway: GatewayConfig;
  sandbox: SandboxConfig;
}

/** Markets of the contract (its `country` server variable). */
export const COUNTRIES = ['bo', 'co', 'gt', 'hn', 'ni', 'pa', 'py', 'sv'] as const;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

function fraction(env: Env, name: string, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    problems.push(`${name}=${raw}: expected a number from 0 to 1`);
    return 0;
  }
  return value;
}

function upstreamUrl(env: Env, problems: string[]): string | null {
  const raw = env.UPSTREAM_URL;
  if (raw === undefined || raw === '') return null;
  const url = URL.canParse(raw.replace('{country}', 'hn')) ? new URL(raw.replace('{country}', 'hn')) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol) || !raw.includes('{country}')) {
    problems.push(
      `UPSTREAM_URL=${raw}: expected an http(s) URL up to the country, e.g. http://host:4010/v2/tigo/mobile/{country}`,
    );
    return null;
  }
  return raw.replace(/\/+$/, '');
}

function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) {
    problems.push(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
    return fallback;
  }
  return raw as T;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const gateway: GatewayConfig = {
    port: integer(env, 'PORT', 4000, 0, 65535, problems),
    host: env.HOST || '0.0.0.0',
    production: env.NODE_ENV === 'production',
    upstreamUrl: upstreamUrl(env, problems),
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 5000, 1, 600_000, problems),
    upstreamMaxSockets: integer(env, 'UPSTREAM_MAX_SOCKETS', 64, 1, 10_000, problems),
    defaultCountry: oneOf(env, 'DEFAULT_COUNTRY', COUNTRIES, 'hn', problems),
    maxSubscribers: integer(env, 'MAX_SUBSCRIBERS', 20, 1, 1000, problems),
    restRouter: oneOf(env, 'REST_ROUTER', ['true', 'false'], 'true', problems) === 'true',
  };
  const sandbox: SandboxConfig = {
    port: integer(env, 'SANDBOX_PORT', 4010, 0, 65535, problems),
    db: env.SANDBOX_DB || ':memory:',
    subscribers: integer(env, 'SANDBOX_SUBSCRIBERS', 1000, 1, 10_000_000, problems),
    latencyMs: integer(env, 'SANDBOX_LATENCY_MS', 0, 0, 60_000, problems),
    jitterMs: integer(env, 'SANDBOX_JITTER_MS', 0, 0, 60_000, problems),
    errorRate: fraction(env, 'SANDBOX_ERROR_RATE', problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return { gateway, sandbox };
}
