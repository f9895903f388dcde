// The whole stack for a test file: a sandbox and a gateway over it, both on port 0, and a client
// that posts GraphQL and reads the sandbox's call counts.
import type { GatewayConfig } from '../../src/config.ts';
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

export interface Stack {
  upstream: TestSandbox;
  gateway: Gateway;
  url: string;
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

export async function startStack(
  options: { sandbox?: SandboxOptions; config?: Partial<GatewayConfig> } = {},
): Promise<Stack> {
  const upstream = await startSandbox(options.sandbox);
  const config = { ...loadConfig({}).gateway, ...options.config };
  const gateway = await createGateway({ config, upstreamUrl: `${upstream.url}${BASE_PATH}/{country}` });
  const url = await gateway.listen(0, '127.0.0.1');

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${url}/graphql`, {
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
