// The whole stack for a test file: a sandbox and a gateway over it, both on port 0, and a client
// that posts GraphQL and reads the sandbox's call counts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DevKey, loadDevKey } from '../../src/auth/keys.ts';
import { signDevToken, type TokenFor } from '../../src/auth/tokens.ts';
import type { AuthConfig, GatewayConfig, LimitsConfig } from '../../src/config.ts';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { BASE_PATH, type SandboxOptions } from '../../src/sandbox/server.ts';
import { startSandbox, type TestSandbox } from './sandbox.ts';

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export type ConfigOverrides = Partial<Omit<GatewayConfig, 'auth' | 'limits'>> & {
  auth?: Partial<AuthConfig>;
  limits?: Partial<LimitsConfig>;
};

export interface Stack {
  upstream: TestSandbox;
  gateway: Gateway;
  url: string;
  config: GatewayConfig;
  /** A token signed with this stack's development key. */
  token(who: TokenFor, ttl?: string | number): Promise<string>;
  /** `Bearer <agent token>`: what gql() and fetch() send unless told otherwise. */
  agentAuthorization: string;
  /** fetch on the gateway, as the agent unless `init.headers` says otherwise. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<T>>;
  /** Upstream calls per operation since the last reset. */
  upstreamCalls(): Promise<Record<string, number>>;
  resetUpstreamCalls(): Promise<void>;
  setFaults(settings: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Gateway settings for tests: quiet logs, and a development key of the test's own. */
export function testConfig(overrides: ConfigOverrides = {}): GatewayConfig {
  const defaults = loadConfig({}).gateway;
  return {
    ...defaults,
    logLevel: 'silent',
    ...overrides,
    auth: {
      ...defaults.auth,
      devKeyFile: join(mkdtempSync(join(tmpdir(), 'selfcare-test-key-')), 'jwk.json'),
      ...overrides.auth,
    },
    limits: { ...defaults.limits, ...overrides.limits },
  };
}

export async function startStack(
  options: { sandbox?: SandboxOptions; config?: ConfigOverrides } = {},
): Promise<Stack> {
  const upstream = await startSandbox(options.sandbox);
  const config = testConfig(options.config);
  const gateway = await createGateway({ config, upstreamUrl: `${upstream.url}${BASE_PATH}/{country}` });
  const url = await gateway.listen(0, '127.0.0.1');
  const key: DevKey = await loadDevKey(config.auth.devKeyFile);
  const token = (who: TokenFor, ttl?: string | number) => signDevToken(key, config.auth, who, ttl);
  const agentAuthorization = `Bearer ${await token({ agent: 'tests' })}`;

  const gatewayFetch = (path: string, init: RequestInit = {}) =>
    fetch(url + path, {
      ...init,
      headers: { authorization: agentAuthorization, ...(init.headers as Record<string, string> | undefined) },
    });

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const res = await gatewayFetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GraphQLAnswer<T>, 'status' | 'headers'>;
    return { status: res.status, headers: res.headers, ...body };
  };

  return {
    upstream,
    gateway,
    url,
    config,
    token,
    agentAuthorization,
    fetch: gatewayFetch,
    gql,
    upstreamCalls: async () =>
      ((await upstream.request('GET', '/__sandbox/stats')).body as { operations: Record<string, number> })
        .operations,
    resetUpstreamCalls: async () => {
      await upstream.request('DELETE', '/__sandbox/stats');
    },
    setFaults: async (settings) => {
      const res = await upstream.request('PUT', '/__sandbox/faults', {
        body: JSON.stringify(settings),
        headers: { 'content-type': 'application/json' },
      });
      if (res.status !== 200) throw new Error(`faults refused: ${JSON.stringify(res.body)}`);
    },
    close: async () => {
      await gateway.close();
      await upstream.close();
    },
  };
}
