// Resilience against a failing upstream, driven by the sandbox's fault injection and counted by its
// call statistics: the circuit breaker of each operation (open after BREAKER_FAILURES consecutive
// faults, fail fast without an upstream call, one trial call after the cool-down), retries of reads
// only, timeouts that bound the answer, the cap on upstream answer size and on calls in flight.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { plainLine } from '../helpers/sandbox.ts';
import {
  type ConfigOverrides,
  type GraphQLAnswer,
  type Stack,
  startStack,
  testConfig,
} from '../helpers/stack.ts';

type Line = Record<string, unknown>;
type ErrorOf = NonNullable<GraphQLAnswer['errors']>[number];

/** The answer's one error; fails the test when there is not exactly one. */
function onlyError(res: GraphQLAnswer<unknown>): ErrorOf {
  expect(res.errors, JSON.stringify(res.errors)).toHaveLength(1);
  return (res.errors as ErrorOf[])[0] as ErrorOf;
}

/** The sum of the samples of a Prometheus metric whose labels include `labels`. */
async function metric(s: Stack, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text();
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

const breakerOf = (s: Stack, operation: string) => metric(s, 'gateway_upstream_breaker_state', { operation });

async function ready(s: Stack): Promise<{ status: number; body: { upstream: string; breakers: unknown[] } }> {
  const res = await fetch(`${s.url}/health/ready`);
  return { status: res.status, body: (await res.json()) as { upstream: string; breakers: unknown[] } };
}

const FAVORITES = 'query Favorites($m: MSISDN!) { line(msisdn: $m) { favorites { phoneNumber } } }';
const STATUS = 'query Status($m: MSISDN!) { line(msisdn: $m) { status { code } } }';
const favorites = (s: Stack, msisdn: string) => s.gql<{ line: Line }>(FAVORITES, { m: msisdn });
const status = (s: Stack, msisdn: string) => s.gql<{ line: Line }>(STATUS, { m: msisdn });

const favoritesInDb = (s: Stack, msisdn: string): string[] =>
  (
    s.upstream.sandbox.db
      .prepare('SELECT phone_number FROM favorites WHERE msisdn = ? ORDER BY added_at')
      .all(msisdn) as { phone_number: string }[]
  ).map((r) => r.phone_number);

// Stacks made by the tests, closed at the end: breakers keep their state, so each breaker test has
// a gateway of its own.
const stacks: Stack[] = [];
async function stackWith(config: ConfigOverrides = {}): Promise<Stack> {
  const s = await startStack({ config: { cache: false, ...config } });
  stacks.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.close()));
});

const PAUSED =
  /^The upstream is failing for GetFavoriteNumbersByMSISDN; (calls are paused for \d+ s|a trial call is under way)$/;
const BREAKER = { breakerFailures: 3, breakerCooldownMs: 300, upstreamRetries: 0 };

// --- the circuit breaker ------------------------------------------------------------------------------

describe('circuit breaker', () => {
  const kinds: [string, Record<string, unknown>, string, ConfigOverrides][] = [
    ['injected 500s', { errorRate: 1 }, 'UPSTREAM_ERROR', {}],
    ['dropped connections', { errorRate: 1, kind: 'reset' }, 'UPSTREAM_UNAVAILABLE', {}],
    [
      'timeouts',
      { latencyMs: 500 },
      'UPSTREAM_TIMEOUT',
      { upstreamTimeouts: { GetFavoriteNumbersByMSISDN: 100 } },
    ],
  ];

  it.each(kinds)(
    'opens after BREAKER_FAILURES consecutive %s: that operation fails fast with no upstream call, the others flow',
    async (_, fault, code, config) => {
      const s = await stackWith({ ...BREAKER, ...config });
      const { msisdn } = s.upstream.demo.active;
      await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: fault } });
      expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);

      for (let i = 0; i < 3; i++) {
        const res = await favorites(s, msisdn);
        expect(res.data).toEqual({ line: { favorites: null } });
        expect(onlyError(res).extensions?.code, `failure ${i + 1}`).toBe(code);
      }
      expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 3 });
      expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(2);

      // Open: the gateway answers at once, and the sandbox sees nothing of it.
      await s.resetUpstreamCalls();
      for (const line of [msisdn, plainLine(s.upstream.sandbox)]) {
        const res = await favorites(s, line);
        expect(res.data).toEqual({ line: { favorites: null } });
        expect(onlyError(res)).toMatchObject({
          path: ['line', 'favorites'],
          message: expect.stringMatching(PAUSED),
          extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { operation: 'GetFavoriteNumbersByMSISDN' } },
        });
      }
      // The REST route of the same operation is paused too: 503 with the contract's error body.
      const rest = await s.fetch(`/v2/tigo/mobile/hn/plans/subscribers/${msisdn}/favorites/`);
      expect(rest.status).toBe(503);
      expect(await rest.json()).toEqual({ code: 503, message: expect.stringMatching(PAUSED) });
      expect(await s.upstreamCalls()).toEqual({});

      // Other operations are not affected.
      const other = await status(s, msisdn);
      expect(other.errors).toBeUndefined();
      expect(other.data).toEqual({ line: { status: { code: 'ACTIVE' } } });
      expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 });
      expect(await breakerOf(s, 'GetStatusOfSubscriberByMSISDN')).toBe(0);

      // Readiness still says the upstream is up, and names the open circuit.
      expect(await ready(s)).toEqual({
        status: 200,
        body: expect.objectContaining({
          upstream: 'up',
          breakers: [{ operation: 'GetFavoriteNumbersByMSISDN', state: 'open' }],
        }),
      });
    },
  );

  it('after the cool-down one trial call goes upstream; the fault gone, the circuit closes and calls flow', async () => {
    const s = await stackWith(BREAKER);
    const { msisdn } = s.upstream.demo.active;
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    for (let i = 0; i < 3; i++) await favorites(s, msisdn);
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(2);

    await s.upstream.request('DELETE', '/__sandbox/faults');
    await s.resetUpstreamCalls();
    // Still open before the cool-down ends: no call.
    expect(onlyError(await favorites(s, msisdn)).message).toMatch(PAUSED);
    expect(await s.upstreamCalls()).toEqual({});

    await sleep(BREAKER.breakerCooldownMs + 100);
    const trial = await favorites(s, msisdn);
    expect(trial.errors).toBeUndefined();
    expect(trial.data).toEqual({
      line: { favorites: favoritesInDb(s, msisdn).map((phoneNumber) => ({ phoneNumber })) },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);
    expect((await ready(s)).body.breakers).toEqual([]);

    // Closed: every request reaches the upstream again.
    for (let i = 0; i < 4; i++) expect((await favorites(s, msisdn)).errors).toBeUndefined();
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 5 });
  });

  it('after the cool-down, a trial call that fails re-opens the circuit at once (exactly one upstream call)', async () => {
    const s = await stackWith(BREAKER);
    const { msisdn } = s.upstream.demo.active;
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    for (let i = 0; i < 3; i++) await favorites(s, msisdn);
    await s.resetUpstreamCalls();

    await sleep(BREAKER.breakerCooldownMs + 100);
    // The trial reaches the upstream and carries its real failure.
    const trial = await favorites(s, msisdn);
    expect(onlyError(trial)).toMatchObject({
      message: 'Injected fault in GetFavoriteNumbersByMSISDN',
      extensions: { code: 'UPSTREAM_ERROR' },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(2);

    // Re-opened after one failure, not BREAKER_FAILURES: the next ones fail fast.
    for (let i = 0; i < 3; i++) {
      const res = await favorites(s, msisdn);
      expect(onlyError(res)).toMatchObject({
        message: expect.stringMatching(PAUSED),
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
    }
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
    expect((await ready(s)).body.breakers).toEqual([
      { operation: 'GetFavoriteNumbersByMSISDN', state: 'open' },
    ]);
  });

  it('half-open lets one trial call through: a second request meanwhile fails fast', async () => {
    const s = await stackWith(BREAKER);
    const { msisdn } = s.upstream.demo.active;
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    for (let i = 0; i < 3; i++) await favorites(s, msisdn);
    // The fault is gone but the upstream is slow: the trial is still running when the second arrives.
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { latencyMs: 400 } } });
    await s.resetUpstreamCalls();
    await sleep(BREAKER.breakerCooldownMs + 100);

    const first = favorites(s, msisdn);
    await expect.poll(async () => (await s.upstreamCalls()).GetFavoriteNumbersByMSISDN).toBe(1);
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(1);
    const second = await favorites(s, plainLine(s.upstream.sandbox));
    expect(onlyError(second)).toMatchObject({
      message: expect.stringMatching(PAUSED),
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    const trial = await first;
    expect(trial.errors).toBeUndefined();
    expect(trial.data).toEqual({
      line: { favorites: favoritesInDb(s, msisdn).map((phoneNumber) => ({ phoneNumber })) },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);
  });

  // A trial call that never reached the upstream frees the trial.
  it('a trial call refused by the in-flight cap does not leave the circuit half-open for ever', async () => {
    const s = await stackWith({ ...BREAKER, upstreamMaxSockets: 1, upstreamMaxQueue: 0 });
    const { msisdn } = s.upstream.demo.active;
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    for (let i = 0; i < 3; i++) await favorites(s, msisdn);
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(2);
    // The fault is gone; a slow read of another operation holds the one socket.
    await s.setFaults({ operations: { GetStatusOfSubscriberByMSISDN: { latencyMs: 400 } } });
    await sleep(BREAKER.breakerCooldownMs + 100);
    await s.resetUpstreamCalls();
    const slow = status(s, msisdn);
    await expect.poll(async () => (await s.upstreamCalls()).GetStatusOfSubscriberByMSISDN).toBe(1);
    // The trial is admitted by the breaker, then refused by the cap: it never reached the upstream.
    const refused = await favorites(s, msisdn);
    expect(onlyError(refused).message).toBe('The gateway has too many upstream calls waiting');
    expect((await slow).errors).toBeUndefined();

    // The socket is free again, and another cool-down has passed: a request must be allowed to try
    // the upstream.
    await sleep(BREAKER.breakerCooldownMs + 100);
    const next = await favorites(s, msisdn);
    expect(next.errors).toBeUndefined();
    expect(await s.upstreamCalls()).toEqual({
      GetStatusOfSubscriberByMSISDN: 1,
      GetFavoriteNumbersByMSISDN: 1,
    });
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);
  });

  it('4xx answers (an unknown line: 404) never open a circuit', async () => {
    const s = await stackWith(BREAKER);
    for (let i = 0; i < 6; i++) {
      const res = await favorites(s, '50400000001');
      expect(onlyError(res).extensions?.code).toBe('NOT_FOUND');
    }
    // A REST read of an unknown line too: the upstream's own 404.
    for (let i = 0; i < 3; i++) {
      const rest = await s.fetch('/v2/tigo/mobile/hn/plans/subscribers/50400000001/favorites/');
      expect(rest.status).toBe(404);
    }
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 9 });
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);
    expect((await ready(s)).body.breakers).toEqual([]);
    expect((await favorites(s, s.upstream.demo.active.msisdn)).errors).toBeUndefined();
  });

  it('only consecutive faults count: a success in between starts the count again', async () => {
    const s = await stackWith(BREAKER);
    const { msisdn } = s.upstream.demo.active;
    const fail = () => s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    await fail();
    await favorites(s, msisdn);
    await favorites(s, msisdn);
    await s.upstream.request('DELETE', '/__sandbox/faults');
    expect((await favorites(s, msisdn)).errors).toBeUndefined();
    await fail();
    await favorites(s, msisdn);
    await favorites(s, msisdn);
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);
    // The sixth call still reaches the upstream (its third fault in a row opens the circuit).
    const sixth = await favorites(s, msisdn);
    expect(onlyError(sixth).message).toBe('Injected fault in GetFavoriteNumbersByMSISDN');
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 6 });
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(2);
  });
});

// --- retries ------------------------------------------------------------------------------------------

describe('retries: reads only, transient failures only', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await stackWith({ upstreamRetries: 2, upstreamRetryBaseMs: 10, breakerFailures: 1000 });
  });
  beforeEach(() => s.resetUpstreamCalls());
  afterEach(async () => {
    await s.upstream.request('DELETE', '/__sandbox/faults');
  });

  it('a read that meets one dropped connection and then succeeds answers data, after 2 upstream calls', async () => {
    const { msisdn } = s.upstream.demo.active;
    // errorRate 0.5 fails every second call: the first succeeds, the second is dropped, the third succeeds.
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 0.5, kind: 'reset' } } });
    expect((await favorites(s, msisdn)).errors).toBeUndefined();
    await s.resetUpstreamCalls();

    const res = await favorites(s, msisdn);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      line: { favorites: favoritesInDb(s, msisdn).map((phoneNumber) => ({ phoneNumber })) },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 2 });
  });

  it('a read whose connection is always dropped is tried 1 + UPSTREAM_RETRIES times, then UPSTREAM_UNAVAILABLE', async () => {
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1, kind: 'reset' } } });
    const res = await favorites(s, s.upstream.demo.active.msisdn);
    expect(onlyError(res).extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 3 });
  });

  it('a write (addFavorite) whose connection is dropped is NOT retried: one call, UPSTREAM_UNAVAILABLE, nothing written', async () => {
    const msisdn = plainLine(s.upstream.sandbox);
    const before = favoritesInDb(s, msisdn);
    await s.setFaults({ operations: { AddFavoriteNumberByMSISDN: { errorRate: 1, kind: 'reset' } } });
    const res = await s.gql(
      'mutation Add($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50431110099" }) { response } }',
      { m: msisdn },
    );
    expect(res.data).toBeNull();
    expect(onlyError(res)).toMatchObject({
      path: ['addFavorite'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { operation: 'AddFavoriteNumberByMSISDN' } },
    });
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
    expect(favoritesInDb(s, msisdn)).toEqual(before);
  });

  it('a write over REST (POST favorites) whose connection is dropped is not retried either: 503, one call', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 1);
    await s.setFaults({ operations: { AddFavoriteNumberByMSISDN: { errorRate: 1, kind: 'reset' } } });
    const res = await s.fetch(`/v2/tigo/mobile/hn/plans/subscribers/${msisdn}/favorites/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ PhoneNumber: '50431110098' }),
    });
    expect(res.status).toBe(503);
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
    expect(favoritesInDb(s, msisdn)).not.toContain('50431110098');
  });

  it('a read answered 500 is not retried', async () => {
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    const res = await favorites(s, s.upstream.demo.active.msisdn);
    expect(onlyError(res)).toMatchObject({
      message: 'Injected fault in GetFavoriteNumbersByMSISDN',
      extensions: { code: 'UPSTREAM_ERROR', upstream: { status: 500 } },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
  });

  it('a read answered with a garbage body is not retried', async () => {
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1, kind: 'garbage' } } });
    const res = await favorites(s, s.upstream.demo.active.msisdn);
    expect(onlyError(res)).toMatchObject({
      message: 'The upstream answered GetFavoriteNumbersByMSISDN with invalid JSON',
      extensions: { code: 'UPSTREAM_ERROR' },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
  });

  it('a write answered 500 is not retried', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 2);
    await s.setFaults({ operations: { AddFavoriteNumberByMSISDN: { errorRate: 1 } } });
    const res = await s.gql(
      'mutation Add($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50431110097" }) { response } }',
      { m: msisdn },
    );
    expect(onlyError(res).extensions?.code).toBe('UPSTREAM_ERROR');
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
  });
});

describe('retries: by upstream status (a stub upstream)', () => {
  let stub: Server;
  let gateway: Gateway;
  let url: string;
  let hits: { method: string; path: string }[] = [];
  let statuses: number[] = [];
  const STATUS_BODY = JSON.stringify({ code: 'Active', assetType: 'SIM_IMEI', description: 'ok' });
  const SUCCESS_BODY = JSON.stringify({ response: 'ADDED', message: 'ok' });

  beforeAll(async () => {
    stub = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      hits.push({ method: req.method ?? '', path: req.url ?? '' });
      const status = statuses.shift() ?? 200;
      const body =
        status >= 400
          ? JSON.stringify({ code: status, message: `stub ${status}` })
          : req.method === 'GET'
            ? STATUS_BODY
            : SUCCESS_BODY;
      res
        .writeHead(status === 200 && req.method === 'POST' ? 201 : status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as AddressInfo;
    gateway = await createGateway({
      config: testConfig({
        auth: { disabled: true },
        cache: false,
        upstreamRetries: 2,
        upstreamRetryBaseMs: 5,
        breakerFailures: 1000,
      }),
      upstreamUrl: `http://127.0.0.1:${port}/v2/tigo/mobile/{country}`,
    });
    url = await gateway.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gateway.close();
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
  });
  beforeEach(() => {
    hits = [];
    statuses = [];
  });

  const post = async (query: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as GraphQLAnswer<Line>;
  };
  const READ = 'query { line(msisdn: "50491234567") { status { code } } }';

  it.each([502, 503, 504])(
    'a read answered %i is retried, and the try that succeeds answers data',
    async (code) => {
      statuses = [code, code];
      const res = await post(READ);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ line: { status: { code: 'ACTIVE' } } });
      expect(hits).toHaveLength(3);
    },
  );

  it('a read answered 503 every time: 1 + UPSTREAM_RETRIES tries, then the error', async () => {
    statuses = [503, 503, 503, 503];
    const res = await post(READ);
    expect(onlyError(res)).toMatchObject({
      message: 'stub 503',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(hits).toHaveLength(3);
  });

  it('a write answered 503 is not retried', async () => {
    statuses = [503];
    const res = await post(
      'mutation { addFavorite(input: { msisdn: "50491234567", phoneNumber: "50431110001" }) { response } }',
    );
    expect(onlyError(res)).toMatchObject({ message: 'stub 503', path: ['addFavorite'] });
    expect(hits).toEqual([
      { method: 'POST', path: '/v2/tigo/mobile/hn/plans/subscribers/50491234567/favorites/' },
    ]);
  });
});

// --- timeouts, answer size, calls in flight ------------------------------------------------------------

describe('timeouts bound the answer', () => {
  it('a read slower than UPSTREAM_TIMEOUT_MS is UPSTREAM_TIMEOUT after exactly 1 + UPSTREAM_RETRIES calls; the rest arrives', async () => {
    const s = await stackWith({ upstreamTimeoutMs: 100, upstreamRetries: 1, breakerFailures: 1000 });
    const { msisdn } = s.upstream.demo.active;
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { latencyMs: 1000 } } });
    await s.resetUpstreamCalls();
    const started = Date.now();
    const res = await s.gql<{ subscriber: Line }>(
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn status { code } plan { planId } favorites { phoneNumber } } }',
      { m: msisdn },
    );
    // The answer did not wait for the slow upstream: it came before a single slow call could answer.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(onlyError(res)).toMatchObject({
      path: ['subscriber', 'favorites'],
      message: 'The upstream did not answer GetFavoriteNumbersByMSISDN in time',
      extensions: { code: 'UPSTREAM_TIMEOUT' },
    });
    expect(res.data).toEqual({
      subscriber: { msisdn, status: { code: 'ACTIVE' }, plan: { planId: '802' }, favorites: null },
    });
    expect((await s.upstreamCalls()).GetFavoriteNumbersByMSISDN).toBe(2);
  });

  it('UPSTREAM_TIMEOUTS overrides the timeout of one operation only', async () => {
    const s = await stackWith({
      upstreamTimeoutMs: 5000,
      upstreamTimeouts: { GetFavoriteNumbersByMSISDN: 100 },
      upstreamRetries: 0,
      breakerFailures: 1000,
    });
    const { msisdn } = s.upstream.demo.active;
    await s.setFaults({ latencyMs: 300 });
    const res = await s.gql<{ line: Line }>(
      'query ($m: MSISDN!) { line(msisdn: $m) { status { code } favorites { phoneNumber } } }',
      { m: msisdn },
    );
    expect(onlyError(res)).toMatchObject({
      path: ['line', 'favorites'],
      extensions: { code: 'UPSTREAM_TIMEOUT' },
    });
    expect(res.data).toEqual({ line: { status: { code: 'ACTIVE' }, favorites: null } });
  });
});

describe('upstream answers larger than UPSTREAM_MAX_BODY_BYTES', () => {
  it('are UPSTREAM_ERROR "larger than", on that field only', async () => {
    const s = await stackWith({ upstreamMaxBodyBytes: 2048, breakerFailures: 1000 });
    const { msisdn } = s.upstream.demo.active;
    // The market's plan catalog is well over 2 KiB; the status is a few bytes.
    const direct = await s.upstream.call('GetAvailablePlansbyMSISDN', { msisdn });
    expect(JSON.stringify(direct.body).length).toBeGreaterThan(2048);
    const res = await s.gql<{ line: Line }>(
      'query ($m: MSISDN!) { line(msisdn: $m) { status { code } availablePlans { id } } }',
      { m: msisdn },
    );
    expect(onlyError(res)).toMatchObject({
      path: ['line', 'availablePlans'],
      message: "The upstream's answer to GetAvailablePlansbyMSISDN is larger than 2048 bytes",
      extensions: { code: 'UPSTREAM_ERROR' },
    });
    expect(res.data).toEqual({ line: { status: { code: 'ACTIVE' }, availablePlans: null } });

    // REST: 502 with the contract's error body.
    const rest = await s.fetch(`/v2/tigo/mobile/hn/plans/subscribers/${msisdn}/availableplans/`);
    expect(rest.status).toBe(502);
    expect(await rest.json()).toEqual({
      code: 502,
      message: expect.stringContaining('larger than 2048 bytes'),
    });
  });
});

describe('the cap on upstream calls in flight', () => {
  it('with one socket and no queue, a second concurrent read fails fast without reaching the sandbox', async () => {
    const s = await stackWith({ upstreamMaxSockets: 1, upstreamMaxQueue: 0, upstreamRetries: 0 });
    const a = s.upstream.demo.active.msisdn;
    const b = plainLine(s.upstream.sandbox);
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { latencyMs: 300 } } });
    await s.resetUpstreamCalls();

    const [first, second] = await Promise.all([favorites(s, a), favorites(s, b)]);
    const answers = [first, second];
    const ok = answers.filter((r) => r.errors === undefined);
    const refused = answers.filter((r) => r.errors !== undefined);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(onlyError(refused[0] as GraphQLAnswer)).toMatchObject({
      path: ['line', 'favorites'],
      message: 'The gateway has too many upstream calls waiting',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 1 });
    // A refusal of the gateway's own is no upstream fault: the circuit stays closed.
    expect(await breakerOf(s, 'GetFavoriteNumbersByMSISDN')).toBe(0);

    // Once the first is done, the next read has the socket.
    await s.upstream.request('DELETE', '/__sandbox/faults');
    expect((await favorites(s, b)).errors).toBeUndefined();
  });

  it('with one socket and a queue of one, a second read waits its turn and a third fails fast', async () => {
    const s = await stackWith({ upstreamMaxSockets: 1, upstreamMaxQueue: 1, upstreamRetries: 0 });
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { latencyMs: 300 } } });
    await s.resetUpstreamCalls();
    const lines = [0, 1, 2].map((i) => plainLine(s.upstream.sandbox, 'hn', i));
    const answers = await Promise.all(lines.map((m) => favorites(s, m)));
    expect(answers.filter((r) => r.errors === undefined)).toHaveLength(2);
    const refused = answers.filter((r) => r.errors !== undefined);
    expect(refused.map((r) => onlyError(r).message)).toEqual([
      'The gateway has too many upstream calls waiting',
    ]);
    expect(await s.upstreamCalls()).toEqual({ GetFavoriteNumbersByMSISDN: 2 });
  });
});

describe('the gateway survives', () => {
  it('after every fault of this file, each gateway still answers a normal query', {
    timeout: 60_000,
  }, async () => {
    expect(stacks.length).toBeGreaterThan(5);
    for (const s of stacks) {
      await s.upstream.request('DELETE', '/__sandbox/faults');
      const { msisdn } = s.upstream.demo.active;
      // One read per request: some of these gateways allow a single upstream call at a time. A
      // circuit an earlier test left open closes after its cool-down (at most BREAKER_COOLDOWN_MS).
      const settled = async (query: string) => {
        let answer = await s.gql<{ line: Line }>(query, { m: msisdn });
        const deadline = Date.now() + s.config.breakerCooldownMs + 5000;
        while (answer.errors && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          answer = await s.gql<{ line: Line }>(query, { m: msisdn });
        }
        return answer;
      };
      const line = await settled(STATUS);
      expect(line.errors).toBeUndefined();
      expect(line.data).toEqual({ line: { status: { code: 'ACTIVE' } } });
      const plan = await settled('query ($m: MSISDN!) { line(msisdn: $m) { plan { planId } } }');
      expect(plan.errors).toBeUndefined();
      expect(plan.data).toEqual({ line: { plan: { planId: '802' } } });
      expect((await fetch(`${s.url}/health/live`)).status).toBe(200);
    }
  });
});
