// A tiny upstream whose answers a test sets per operation, and a gateway over it (authentication off:
// the stub is all there is). Every request it gets is recorded, with its JSON body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '../../src/contract/openapi.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { type ConfigOverrides, testConfig } from './stack.ts';

export interface StubAnswer {
  status?: number;
  /** Sent as it is when a string, else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Received {
  operationId: OperationId;
  method: string;
  url: string;
  body: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL data is walked structurally by assertions
export type Data = any;

/** A gateway over some upstream, and a client of both its surfaces. */
export interface GatewayClient {
  gateway: Gateway;
  url: string;
  graphql(query: string, variables?: Record<string, unknown>): Promise<{ data?: Data; errors?: Data[] }>;
  /** A REST request below /v2/tigo/mobile/hn. */
  rest(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
}

export interface StubStack extends GatewayClient {
  /** What each operation answers (200 with `{}` unless set). */
  answers: Partial<Record<OperationId, StubAnswer | (() => StubAnswer)>>;
  received: Received[];
  close(): Promise<void>;
}

/** A gateway over `upstreamUrl` with authentication, the HTTP cache and rate limits off. */
export async function gatewayOver(upstreamUrl: string, config: ConfigOverrides = {}): Promise<GatewayClient> {
  const gateway = await createGateway({
    config: testConfig({
      auth: { disabled: true },
      cache: false,
      upstreamRetryBaseMs: 1,
      limits: { rateLimit: 1_000_000 },
      ...config,
    }),
    upstreamUrl,
  });
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    gateway,
    url,
    graphql: async (query, variables) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Data; errors?: Data[] };
    },
    rest: async (method, path, body) => {
      const res = await fetch(`${url}/v2/tigo/mobile/hn${path}`, {
        method,
        ...(body !== undefined && {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
    },
  };
}

const operationAt = (method: string, path: string): OperationId | undefined =>
  operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path))?.operationId;

export async function startStubStack(config: ConfigOverrides = {}): Promise<StubStack> {
  const answers: StubStack['answers'] = {};
  const received: Received[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0] as string;
    const operationId = operationAt(req.method ?? 'GET', path);
    if (!operationId) return res.writeHead(404).end();
    received.push({
      operationId,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      body: text ? JSON.parse(text) : undefined,
    });
    const set = answers[operationId];
    const answer = (typeof set === 'function' ? set() : set) ?? {};
    const body =
      answer.body === undefined
        ? '{}'
        : typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers }).end(body);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = await gatewayOver(`http://127.0.0.1:${port}`, config);
  return {
    ...client,
    answers,
    received,
    close: async () => {
      await client.gateway.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
