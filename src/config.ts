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

export interface Config {
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

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const sandbox: SandboxConfig = {
    port: integer(env, 'SANDBOX_PORT', 4010, 0, 65535, problems),
    db: env.SANDBOX_DB || ':memory:',
    subscribers: integer(env, 'SANDBOX_SUBSCRIBERS', 1000, 1, 10_000_000, problems),
    latencyMs: integer(env, 'SANDBOX_LATENCY_MS', 0, 0, 60_000, problems),
    jitterMs: integer(env, 'SANDBOX_JITTER_MS', 0, 0, 60_000, problems),
    errorRate: fraction(env, 'SANDBOX_ERROR_RATE', problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return { sandbox };
}
