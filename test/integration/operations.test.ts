// What operators rely on: /health/live and /health/ready, Prometheus /metrics labelled by surface,
// operation, status and error code, the correlation id (taken from a sane client header or made,
// returned and forwarded upstream), a graceful shutdown on SIGTERM, and settings checked at start.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, Agent as HttpAgent, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { type Stack, startStack, testConfig } from '../helpers/stack.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The sum of the samples of a Prometheus metric whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

let s: Stack;
beforeAll(async () => {
  s = await startStack({ config: { limits: { rateLimit: 1_000_000 } } });
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());

const metricsText = async () => (await fetch(`${s.url}/metrics`)).text();
const metric = async (name: string, labels: Record<string, string> = {}) =>
  sample(await metricsText(), name, labels);

/** A gateway (no auth) over a given upstream base URL, closed by the caller. */
async function gatewayOver(upstreamUrl: string): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway({ config: testConfig({ auth: { disabled: true } }), upstreamUrl });
  return { gateway, url: await gateway.listen(0, '127.0.0.1') };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// --- health -----------------------------------------------------------------------------------------

describe('health', () => {
  it('/health/live is 200 without a token', async () => {
    const res = await fetch(`${s.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/health/ready is 200 with the upstream up and no open circuit', async () => {
    const res = await fetch(`${s.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      upstream: 'up',
      identityProvider: 'local',
      breakers: [],
    });
  });

  // Issue 15, finding 12: readiness was 503 while the upstream did not answer, so an upstream blip
  // took every replica out of the load balancer at once. It stays 200 and reports the outage.
  it('/health/ready stays 200 with the upstream down (a closed port) and says so; /health/live is 200', async () => {
    const port = await closedPort();
    const { gateway, url } = await gatewayOver(`http://127.0.0.1:${port}/v2/tigo/mobile/{country}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'degraded',
        upstream: 'down',
        identityProvider: 'disabled',
        breakers: [],
      });
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('/health/ready is 200 when the upstream answers HTTP at all, even an error status', async () => {
    const stub: Server = createServer((req, res) => {
      req.resume();
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as AddressInfo;
    const { gateway, url } = await gatewayOver(`http://127.0.0.1:${port}/v2/tigo/mobile/{country}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ready', upstream: 'up' });
    } finally {
      await gateway.close();
      stub.closeAllConnections();
      await new Promise((resolve) => stub.close(resolve));
    }
  });
});

// --- metrics ----------------------------------------------------------------------------------------

describe('/metrics', () => {
  const count = (labels: Record<string, string>) => metric('gateway_request_duration_seconds_count', labels);
  const errors = (surface: string, code: string) => metric('gateway_errors_total', { surface, code });

  it('is Prometheus text with every gateway metric and the process metrics, after a little traffic', async () => {
    const { msisdn } = s.upstream.demo.active;
    const res = await s.gql(
      'query Warmup($m: MSISDN!) { subscriber(msisdn: $m) { status { code } offers { id } } }',
      {
        m: msisdn,
      },
    );
    expect(res.errors).toBeUndefined();
    expect((await s.fetch(`/v2/tigo/mobile/hn/billing/subscribers/${msisdn}/status`)).status).toBe(200);

    const answer = await fetch(`${s.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    for (const name of [
      'gateway_request_duration_seconds',
      'gateway_errors_total',
      'gateway_upstream_request_duration_seconds',
      'gateway_upstream_cache_total',
      'gateway_upstream_breaker_state',
      'gateway_dataloader_batch_size',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(
      sample(text, 'gateway_upstream_request_duration_seconds_count', {
        operation: 'GetStatusOfSubscriberByMSISDN',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'gateway_dataloader_batch_size_count', { loader: 'status' })).toBeGreaterThanOrEqual(
      1,
    );
    // Every operation of the contract has a breaker gauge from the start, closed.
    expect(text.match(/^gateway_upstream_breaker_state\{/gm)).toHaveLength(18);
    expect(sample(text, 'gateway_upstream_breaker_state')).toBe(0);
  });

  it('a GraphQL request is counted under surface graphql, its operation name (a known one, else `other`) and its status', async () => {
    const labels = { surface: 'graphql', operation: 'LineStatus', status: '200' };
    const before = await count(labels);
    const res = await s.gql('query LineStatus($m: MSISDN!) { line(msisdn: $m) { status { code } } }', {
      m: s.upstream.demo.active.msisdn,
    });
    expect(res.errors).toBeUndefined();
    expect(await count(labels)).toBe(before + 1);

    const other = { surface: 'graphql', operation: 'other', status: '200' };
    const otherBefore = await count(other);
    await s.gql('query MetricsNamed($m: MSISDN!) { line(msisdn: $m) { status { code } } }', {
      m: s.upstream.demo.active.msisdn,
    });
    expect(await count(other)).toBe(otherBefore + 1);
    expect(await count({ operation: 'MetricsNamed' })).toBe(0);

    const anonymous = { surface: 'graphql', operation: 'anonymous', status: '200' };
    const anonymousBefore = await count(anonymous);
    await s.gql(`{ line(msisdn: "${s.upstream.demo.active.msisdn}") { status { code } } }`);
    expect(await count(anonymous)).toBe(anonymousBefore + 1);
  });
  // operation named `Rest` (src/rest/routes.ts: `query Rest(...)` / `mutation Rest(...)`), the
  // graphqlMetrics plugin (src/graphql/observation.ts, didResolveOperation) writes that name into
  // request.report.operation, and the REST operationId is never recorded. Expected
  // {surface="rest",operation="GetStatusOfSubscriberByMSISDN",status="200"}; actual operation="Rest".
  it('a REST request is counted under surface rest, its operationId and its status', async () => {
    const { msisdn } = s.upstream.demo.active;
    const labels = { surface: 'rest', operation: 'GetStatusOfSubscriberByMSISDN', status: '200' };
    const before = await count(labels);
    expect((await s.fetch(`/v2/tigo/mobile/hn/billing/subscribers/${msisdn}/status`)).status).toBe(200);
    expect(await count(labels)).toBe(before + 1);
  });
  // from the errors as resolvers threw them, before formatError (src/graphql/errors.ts) gives upstream
  // failures their code, so every upstream-caused error (NOT_FOUND, FORBIDDEN, UPSTREAM_*, ...) is
  // counted as code="INTERNAL_SERVER_ERROR". Expected {surface="graphql",code="NOT_FOUND"} + 1;
  // actual: NOT_FOUND stays 0 and INTERNAL_SERVER_ERROR + 1.
  it('GraphQL errors are counted by extensions.code: a NOT_FOUND query increments {surface="graphql",code="NOT_FOUND"}', async () => {
    const before = await errors('graphql', 'NOT_FOUND');
    const res = await s.gql('query Missing { subscriber(msisdn: "50400000001") { msisdn } }');
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await errors('graphql', 'NOT_FOUND')).toBe(before + 1);
    expect(await count({ surface: 'graphql', operation: 'other', status: '200' })).toBeGreaterThanOrEqual(1);
  });

  it('a GraphQL request that does not parse is counted as operation "invalid" with its code', async () => {
    const before = await errors('graphql', 'GRAPHQL_PARSE_FAILED');
    const beforeCount = await count({ surface: 'graphql', operation: 'invalid', status: '400' });
    const res = await s.gql('query {');
    expect(res.status).toBe(400);
    expect(await errors('graphql', 'GRAPHQL_PARSE_FAILED')).toBe(before + 1);
    expect(await count({ surface: 'graphql', operation: 'invalid', status: '400' })).toBe(beforeCount + 1);
  });
  // GraphQL execution the REST router runs for each route (apollo.executeOperation), so a REST 404
  // is counted twice: {surface="rest",code="404"} and again {surface="graphql",code=...} (today
  // "INTERNAL_SERVER_ERROR", see above). Expected: the graphql surface's error count unchanged.
  it('a REST error is counted once, under surface rest and its status, and not again as a GraphQL error', async () => {
    const graphqlErrors = () => metric('gateway_errors_total', { surface: 'graphql' });
    const [rest404, graphqlBefore] = [await errors('rest', '404'), await graphqlErrors()];
    const res = await s.fetch('/v2/tigo/mobile/hn/billing/subscribers/50400000001/status');
    expect(res.status).toBe(404);
    expect(await errors('rest', '404')).toBe(rest404 + 1);
    expect(await graphqlErrors()).toBe(graphqlBefore);
  });
  // 400 && request.report.operation === null`) counts a GraphQL request refused before execution
  // under code="401" (its HTTP status), while the answer's extensions.code is UNAUTHENTICATED and the
  // metric's help says GraphQL errors are counted by extensions.code (REST ones by status).
  // Expected {surface="graphql",code="UNAUTHENTICATED"} + 1; actual {surface="graphql",code="401"} + 1.
  it('a GraphQL request refused before execution (no token: 401) is counted with its status and its code', async () => {
    const labels = { surface: 'graphql', operation: 'unknown', status: '401' };
    const before = await count(labels);
    const beforeCode = await errors('graphql', 'UNAUTHENTICATED');
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { msisdn } }' }),
    });
    expect(res.status).toBe(401);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('UNAUTHENTICATED');
    expect(await count(labels)).toBe(before + 1);
    expect(await errors('graphql', 'UNAUTHENTICATED')).toBe(beforeCode + 1);
  });

  it('upstream calls are counted by operation and outcome', async () => {
    const { msisdn } = s.upstream.demo.active;
    const outcome = (value: string) =>
      metric('gateway_upstream_request_duration_seconds_count', {
        operation: 'GetFavoriteNumbersByMSISDN',
        outcome: value,
      });
    const [ok, http] = [await outcome('ok'), await outcome('http')];
    const FAVS = `query { line(msisdn: "${msisdn}") { favorites { phoneNumber } } }`;
    expect((await s.gql(FAVS)).errors).toBeUndefined();
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    try {
      expect((await s.gql(FAVS)).errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    } finally {
      await s.upstream.request('DELETE', '/__sandbox/faults');
    }
    // An answer with data is `ok`; the injected 500 is `http` (a 5xx is never retried, so one call).
    expect(await outcome('ok')).toBe(ok + 1);
    expect(await outcome('http')).toBe(http + 1);
  });
});

// --- correlation id ----------------------------------------------------------------------------------

describe('x-correlation-id', () => {
  interface Seen {
    operationId: string;
    correlationId: string | null;
  }
  const seen = async () => (await s.upstream.request<Seen[]>('GET', '/__sandbox/requests')).body;
  const DASH =
    'query Corr($m: MSISDN!) { subscriber(msisdn: $m) { status { code } plan { planId } favorites { phoneNumber } } }';
  const ask = (headers: Record<string, string>) => s.gql(DASH, { m: s.upstream.demo.active.msisdn }, headers);

  it('a sane client id comes back in the response header and reaches the upstream on every call', async () => {
    const id = 'client-req_42.a:b';
    const res = await ask({ 'x-correlation-id': id });
    expect(res.errors).toBeUndefined();
    expect(res.headers.get('x-correlation-id')).toBe(id);
    const calls = await seen();
    expect(calls.map((c) => c.operationId).sort()).toEqual([
      'GetCurrentPlanDetailsbyMSISDN',
      'GetFavoriteNumbersByMSISDN',
      'GetStatusOfSubscriberByMSISDN',
    ]);
    for (const call of calls) expect(call.correlationId).toBe(id);
  });

  it('the REST router forwards it too', async () => {
    const id = 'rest-corr-0001';
    const res = await s.fetch(
      `/v2/tigo/mobile/hn/billing/subscribers/${s.upstream.demo.active.msisdn}/status`,
      {
        headers: { 'x-correlation-id': id },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe(id);
    expect(await seen()).toEqual([{ operationId: 'GetStatusOfSubscriberByMSISDN', correlationId: id }]);
  });

  it.each([
    ['with spaces', 'not a sane id'],
    ['300 characters long', 'x'.repeat(300)],
    ['with a quote and a semicolon', 'a";b'],
  ])('an id %s is replaced by a generated one, returned and forwarded', async (_, id) => {
    const res = await ask({ 'x-correlation-id': id });
    expect(res.errors).toBeUndefined();
    const made = res.headers.get('x-correlation-id');
    expect(made).toMatch(UUID);
    expect(made).not.toBe(id);
    const calls = await seen();
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call.correlationId).toBe(made);
  });

  it('without a client id, each request gets its own', async () => {
    const a = await ask({});
    const idA = a.headers.get('x-correlation-id');
    await s.resetUpstreamCalls();
    const b = await ask({});
    const idB = b.headers.get('x-correlation-id');
    expect(idA).toMatch(UUID);
    expect(idB).toMatch(UUID);
    expect(idA).not.toBe(idB);
    for (const call of await seen()) expect(call.correlationId).toBe(idB);
  });

  it('a refused request (401) carries the id too', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'refused-0001' },
      body: JSON.stringify({ query: '{ me { msisdn } }' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-correlation-id')).toBe('refused-0001');
  });
});

// --- the process: graceful shutdown and settings checked at start -------------------------------------

describe('the gateway process', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  interface Exit {
    code: number | null;
    signal: NodeJS.Signals | null;
  }
  interface Started {
    child: ChildProcess;
    output: () => string;
    exited: Promise<Exit>;
  }

  /** `node src/main.ts` with `env` over this process's environment; `null` removes a variable. */
  function start(env: Record<string, string | null>): Started {
    const merged: Record<string, string | undefined> = { ...process.env };
    for (const [name, value] of Object.entries(env)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    const child = spawn(process.execPath, ['src/main.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: merged,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<Exit>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, output: () => output, exited };
  }

  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  async function waitFor(started: Started, pattern: RegExp): Promise<RegExpMatchArray> {
    for (;;) {
      const match = started.output().match(pattern);
      if (match) return match;
      if (started.child.exitCode !== null || started.child.signalCode !== null) {
        throw new Error(
          `exited with ${started.child.exitCode ?? started.child.signalCode}:\n${started.output()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Whether a new TCP connection to the port is refused. */
  const refused = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });

  const IN_FLIGHT = JSON.stringify({
    query: 'query InFlight { subscriber(msisdn: "50491234567") { msisdn status { code } plan { planId } } }',
  });
  const DATA = {
    data: { subscriber: { msisdn: '50491234567', status: { code: 'ACTIVE' }, plan: { planId: '802' } } },
  };

  /**
   * Starts the gateway with its own sandbox (every upstream call held 800 ms), sends one request and
   * SIGTERM once the sandbox has it. `keepAlive`: the client keeps its connection open afterwards,
   * as browsers and proxies do; otherwise it asks for `Connection: close`.
   */
  async function sigtermDuringRequest(env: Record<string, string | null>, keepAlive: boolean) {
    const started = start({
      PORT: '0',
      HOST: '127.0.0.1',
      SANDBOX_PORT: '0',
      UPSTREAM_URL: '',
      SANDBOX_LATENCY_MS: '800',
      LOG_LEVEL: 'warn',
      AUTH_DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'selfcare-ops-key-')), 'jwk.json'),
      ...env,
    });
    const [, sandboxUrl, graphqlUrl, token] = await waitFor(
      started,
      /REST API at (\S+)\/v2\/[\s\S]*GraphQL at (\S+\/graphql)[\s\S]*Authorization: Bearer (\S+)/,
    );
    const port = Number(new URL(graphqlUrl as string).port);
    const agent = keepAlive ? new HttpAgent({ keepAlive: true }) : null;

    let settled = false;
    const inFlight = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const req = httpRequest(
        graphqlUrl as string,
        {
          method: 'POST',
          agent: agent ?? false,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...(!keepAlive && { connection: 'close' }),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.once('error', reject);
      req.end(IN_FLIGHT);
    }).finally(() => {
      settled = true;
    });
    // The request has reached the sandbox (which holds it for 800 ms): now stop the process.
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as { total: number }).total,
      )
      .toBeGreaterThanOrEqual(1);
    started.child.kill('SIGTERM');
    const refusedWhileInFlight = await expect
      .poll(() => refused(port), { timeout: 2000, interval: 20 })
      .toBe(true)
      .then(() => !settled);
    const answer = await inFlight;
    const answeredAt = Date.now();
    return { started, answer, answeredAt, refusedWhileInFlight, agent };
  }

  /** The exit, or null if the process is still running `ms` after `since`. */
  const exitWithin = (started: Started, since: number, ms: number) =>
    Promise.race([
      started.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, since + ms - Date.now()))),
    ]);

  it('on SIGTERM it refuses new connections and finishes the request in flight (200 with data)', async () => {
    const { started, answer, refusedWhileInFlight } = await sigtermDuringRequest({}, false);
    expect(refusedWhileInFlight).toBe(true);
    expect(answer).toEqual({ status: 200, body: DATA });
    expect(started.output()).toContain('SIGTERM: shutting down');
  });
  // outside NODE_ENV=test Apollo installs its own SIGINT/SIGTERM handler beside src/shutdown.ts's:
  // it stops Apollo (the Fastify drain plugin closes the server) and then re-sends the signal to the
  // process (node_modules/@apollo/server/dist/esm/ApolloServer.js:265 `process.kill(process.pid,
  // signal)`). exitOnSignals used process.once, so that second SIGTERM kills the process by signal:
  // exit code null / signal SIGTERM (143 in a shell), instead of close() finishing and exit code 0.
  it('with NODE_ENV unset (as `npm start`), the process then exits with code 0', async () => {
    const { started, answer, answeredAt } = await sigtermDuringRequest({ NODE_ENV: null }, false);
    expect(answer).toEqual({ status: 200, body: DATA });
    expect(await exitWithin(started, answeredAt, 15_000)).toEqual({ code: 0, signal: null });
  }, 30_000);
  // waits for every open connection, and a keep-alive connection whose request finished after
  // SIGTERM stays open until the client drops it (Fastify's keepAliveTimeout is 72 s): the process
  // exits about 70 s after its last answer. Fastify's default forceCloseConnections: 'idle' only
  // closes connections idle at the moment close() is called. Expected: once the requests in flight are answered, idle connections are
  // closed and the process exits (here within 10 s of the answer); actual: still running after 10 s.
  // (Run with NODE_ENV=test, as vitest sets it, so Apollo's own signal handler, above, stays out.)
  it('with a keep-alive client, the process exits once the request in flight is answered', async () => {
    const { started, answer, answeredAt, agent } = await sigtermDuringRequest({ NODE_ENV: 'test' }, true);
    try {
      expect(answer).toEqual({ status: 200, body: DATA });
      expect(await exitWithin(started, answeredAt, 10_000)).toEqual({ code: 0, signal: null });
    } finally {
      agent?.destroy();
    }
  }, 30_000);

  it('a process started with two bad settings exits non-zero, naming both, and never listens', async () => {
    const started = start({
      PORT: '0',
      BREAKER_FAILURES: '0',
      UPSTREAM_MAX_QUEUE: 'lots',
      AUTH_DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'selfcare-ops-key-')), 'jwk.json'),
    });
    const { code } = await started.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const output = started.output();
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/BREAKER_FAILURES=0: expected a whole number from 1 to 1000/);
    expect(output).toMatch(/UPSTREAM_MAX_QUEUE=lots: expected a whole number from 0 to 1000000/);
    expect(output).not.toContain('GraphQL at');
  });
});
