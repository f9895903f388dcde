// Every error code of the gateway over HTTP, and partial data: a failing upstream read nulls only
// its own field, with one error carrying the upstream's message. Failures come from the sandbox's
// fault injection, its refusals, a stopped upstream and a stub upstream for statuses the sandbox
// never answers.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { type GraphQLAnswer, type Stack, startStack, testConfig } from '../helpers/stack.ts';

const DASHBOARD = readFileSync(new URL('../../operations/Dashboard.graphql', import.meta.url), 'utf8');

type Line = Record<string, unknown>;
type ErrorOf = NonNullable<GraphQLAnswer['errors']>[number];

/** The answer's one error; fails the test when there is not exactly one. */
function onlyError(res: GraphQLAnswer<unknown>): ErrorOf {
  expect(res.errors, JSON.stringify(res.errors)).toHaveLength(1);
  return (res.errors as ErrorOf[])[0] as ErrorOf;
}

/** The Dashboard fields other than `except` all arrived with a value. */
function expectOtherFields(line: Line | null | undefined, except: string[]): void {
  expect(line).toBeTruthy();
  for (const field of ['msisdn', 'country', 'status', 'plan', 'offers', 'favorites', 'phoneLease', 'usage']) {
    if (except.includes(field)) expect(line?.[field], field).toBeNull();
    else expect(line?.[field], field).toBeTruthy();
  }
  if (!except.includes('usage'))
    expect((line?.usage as Line | undefined)?.percentageByApp, 'usage.percentageByApp').toBeTruthy();
}

let s: Stack;
beforeAll(async () => {
  // Faults are injected on purpose here, test after test: the breakers must not open in between
  // (they have tests of their own in resilience.test.ts).
  s = await startStack({ config: { breakerFailures: 1000, cache: false } });
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());
afterEach(async () => {
  await s.upstream.request('DELETE', '/__sandbox/faults');
});

const dashboard = (msisdn = s.upstream.demo.active.msisdn) =>
  s.gql<{ subscriber: Line | null }>(DASHBOARD, { msisdn });

describe('gateway errors: partial data from a failing read', () => {
  it('a failing offers read nulls only offers, with one UPSTREAM_ERROR carrying the upstream message', async () => {
    await s.setFaults({ operations: { GetAvailableOffersByMSISDN: { errorRate: 1 } } });
    const res = await dashboard();
    expect(res.status).toBe(200);
    const error = onlyError(res);
    expect(error.path).toEqual(['subscriber', 'offers']);
    expect(error.message).toBe('Injected fault in GetAvailableOffersByMSISDN');
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      upstream: { operation: 'GetAvailableOffersByMSISDN', status: 500 },
    });
    expectOtherFields(res.data?.subscriber, ['offers']);
    expect(res.data?.subscriber).toMatchObject({
      msisdn: s.upstream.demo.active.msisdn,
      country: 'HN',
      status: { code: 'ACTIVE', assetType: 'SIM_IMEI' },
      plan: { planId: '802' },
    });
    // The failed read is made once: no retry, and the field's load meets the prefetched one.
    expect((await s.upstreamCalls()).GetAvailableOffersByMSISDN).toBe(1);
  });

  it("kind 'garbage' (a 200 whose body is not JSON) is UPSTREAM_ERROR on that field only", async () => {
    await s.setFaults({ operations: { GetAvailableOffersByMSISDN: { errorRate: 1, kind: 'garbage' } } });
    const res = await dashboard();
    const error = onlyError(res);
    expect(error.path).toEqual(['subscriber', 'offers']);
    expect(error.message).toBe('The upstream answered GetAvailableOffersByMSISDN with invalid JSON');
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      upstream: { operation: 'GetAvailableOffersByMSISDN', status: null },
    });
    expectOtherFields(res.data?.subscriber, ['offers']);
  });

  it("kind 'reset' (the connection dropped) is UPSTREAM_UNAVAILABLE on that field only", async () => {
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1, kind: 'reset' } } });
    const res = await dashboard();
    const error = onlyError(res);
    expect(error.path).toEqual(['subscriber', 'favorites']);
    expect(error.message).toMatch(/^The upstream (is unavailable|call failed) \(E[A-Z]+\)$/);
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { operation: 'GetFavoriteNumbersByMSISDN', status: null },
    });
    expectOtherFields(res.data?.subscriber, ['favorites']);
  });

  it.each([
    ['error', 'UPSTREAM_ERROR'],
    ['garbage', 'UPSTREAM_ERROR'],
    ['reset', 'UPSTREAM_UNAVAILABLE'],
  ])(
    "a failing status read (kind '%s') leaves the subscriber: status is null with %s, the rest arrives",
    async (kind, code) => {
      await s.setFaults({ operations: { GetStatusOfSubscriberByMSISDN: { errorRate: 1, kind } } });
      const res = await dashboard();
      const error = onlyError(res);
      expect(error.path).toEqual(['subscriber', 'status']);
      expect(error.extensions).toMatchObject({
        code,
        upstream: { operation: 'GetStatusOfSubscriberByMSISDN' },
      });
      expectOtherFields(res.data?.subscriber, ['status']);
      expect(res.data?.subscriber?.msisdn).toBe(s.upstream.demo.active.msisdn);
      // The existence check and the status field share one read; a lost connection is retried
      // (reads only: 1 + UPSTREAM_RETRIES tries), a 500 or a broken answer is not.
      const tries = kind === 'reset' ? 1 + s.config.upstreamRetries : 1;
      expect((await s.upstreamCalls()).GetStatusOfSubscriberByMSISDN).toBe(tries);
    },
  );

  it('the status field carries the upstream message of an injected 500', async () => {
    await s.setFaults({ operations: { GetStatusOfSubscriberByMSISDN: { errorRate: 1 } } });
    const res = await s.gql<{ subscriber: Line }>(
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn status { code } plan { planId } } }',
      { m: s.upstream.demo.active.msisdn },
    );
    expect(onlyError(res).message).toBe('Injected fault in GetStatusOfSubscriberByMSISDN');
    expect(res.data?.subscriber).toEqual({
      msisdn: s.upstream.demo.active.msisdn,
      status: null,
      plan: { planId: '802' },
    });
  });

  it('several failing reads give one error each, at their own paths', async () => {
    await s.setFaults({
      operations: {
        GetAvailableOffersByMSISDN: { errorRate: 1 },
        GetPhoneLeaseDetailsbyMSISDN: { errorRate: 1, kind: 'garbage' },
      },
    });
    const res = await dashboard();
    const byPath = Object.fromEntries((res.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]));
    expect(byPath).toEqual({
      'subscriber.offers': 'UPSTREAM_ERROR',
      'subscriber.phoneLease': 'UPSTREAM_ERROR',
    });
    expectOtherFields(res.data?.subscriber, ['offers', 'phoneLease']);
  });

  it('a failing read of one line in subscribers() leaves the other lines whole', async () => {
    await s.setFaults({ operations: { GetCurrentPlanDetailsbyMSISDN: { errorRate: 0.5 } } });
    const { active, blocked } = s.upstream.demo;
    const res = await s.gql<{ subscribers: (Line | null)[] }>(
      'query ($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn plan { planId } } }',
      { ms: [active.msisdn, blocked.msisdn] },
    );
    // errorRate 0.5 fails every second call: exactly one of the two plan reads.
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
    const failed = error.path?.[1] as number;
    expect(error.path).toEqual(['subscribers', failed, 'plan']);
    expect(res.data?.subscribers[failed]).toEqual({ msisdn: [active, blocked][failed]?.msisdn, plan: null });
    expect(res.data?.subscribers[1 - failed]).toEqual({
      msisdn: [active, blocked][1 - failed]?.msisdn,
      plan: { planId: '802' },
    });
  });
});

describe('gateway errors: refusals of the upstream', () => {
  it('NOT_FOUND for an unknown line: subscriber is null with one error and the upstream message', async () => {
    const res = await dashboard('50400000001');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ subscriber: null });
    const error = onlyError(res);
    expect(error.path).toEqual(['subscriber']);
    expect(error.message).toBe('Subscriber 50400000001 was not found in market hn');
    expect(error.extensions).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { operation: 'GetStatusOfSubscriberByMSISDN', status: 404 },
    });
  });

  it('NOT_FOUND for a line asked in another market', async () => {
    const res = await s.gql('query ($m: MSISDN!) { subscriber(msisdn: $m, country: GT) { msisdn } }', {
      m: s.upstream.demo.active.msisdn,
    });
    expect(res.data).toEqual({ subscriber: null });
    expect(onlyError(res)).toMatchObject({
      message: `Subscriber ${s.upstream.demo.active.msisdn} was not found in market gt`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('NOT_FOUND for an unknown line in subscribers(): that entry is null, the others arrive', async () => {
    const { active, blocked } = s.upstream.demo;
    const res = await s.gql<{ subscribers: (Line | null)[] }>(
      'query ($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn status { code } } }',
      { ms: [active.msisdn, '50400000002', blocked.msisdn] },
    );
    expect(res.data?.subscribers).toEqual([
      { msisdn: active.msisdn, status: { code: 'ACTIVE' } },
      null,
      { msisdn: blocked.msisdn, status: { code: 'BLOCKED' } },
    ]);
    const error = onlyError(res);
    expect(error.path).toEqual(['subscribers', 1]);
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  it('an upstream 403 to a write is data, not an error: a userError with its code and the upstream message', async () => {
    const { msisdn } = s.upstream.demo.pendingUpgrade;
    const res = await s.gql(
      'mutation ($m: MSISDN!) { requestPlanUpgrade(input: { msisdn: $m, planId: "862" }) { response userErrors { code message } } }',
      { m: msisdn },
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      requestPlanUpgrade: {
        response: null,
        userErrors: [
          {
            code: 'PENDING_REQUEST',
            message: expect.stringMatching(/^An upgrade request is already in process \(request \d+\)$/),
          },
        ],
      },
    });
  });

  it('BAD_USER_INPUT from an upstream 400 (a usage period over 31 days), with the usage error body message', async () => {
    const res = await s.gql<{ subscriber: Line }>(
      `query ($m: MSISDN!) {
        subscriber(msisdn: $m) {
          msisdn
          plan { planId }
          usage { percentageByApp(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { lastUpdatedAt } }
        }
      }`,
      { m: s.upstream.demo.active.msisdn },
    );
    const error = onlyError(res);
    expect(error.path).toEqual(['subscriber', 'usage', 'percentageByApp']);
    expect(error.message).toBe('The period must not be longer than 31 days');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      upstream: { operation: 'GetDataUsagePercentageByMSISDNPerApp', status: 400 },
    });
    expect(res.data?.subscriber).toEqual({
      msisdn: s.upstream.demo.active.msisdn,
      plan: { planId: '802' },
      usage: { percentageByApp: null },
    });
    expect((await s.upstreamCalls()).GetDataUsagePercentageByMSISDNPerApp).toBe(1);
  });

  it('BAD_USER_INPUT from the gateway itself: too many lines, with no upstream call', async () => {
    const msisdns = Array.from({ length: 21 }, (_, i) => `5049100${String(i).padStart(4, '0')}`);
    const res = await s.gql('query ($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn } }', {
      ms: msisdns,
    });
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('subscribers takes at most 20 MSISDNs; 21 were given');
    expect(await s.upstreamCalls()).toEqual({});
  });
});

describe('gateway errors: error extensions by environment', () => {
  it('development: extensions carry the code, upstream { operation, status } and a stacktrace', async () => {
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1 } } });
    const res = await dashboard();
    const { extensions } = onlyError(res);
    expect(extensions?.code).toBe('UPSTREAM_ERROR');
    expect(extensions?.upstream).toEqual({ operation: 'GetFavoriteNumbersByMSISDN', status: 500 });
    expect(Array.isArray(extensions?.stacktrace)).toBe(true);
  });

  describe('production', () => {
    let prod: Stack;
    beforeAll(async () => {
      prod = await startStack({ config: { production: true } });
    });
    afterAll(() => prod.close());

    it('extensions are the code alone: no upstream status or operation, no stacktrace', async () => {
      await prod.setFaults({ operations: { GetAvailableOffersByMSISDN: { errorRate: 1 } } });
      const res = await prod.gql<{ subscriber: Line }>(DASHBOARD, {
        msisdn: prod.upstream.demo.active.msisdn,
      });
      const error = onlyError(res);
      expect(error.message).toBe('Injected fault in GetAvailableOffersByMSISDN');
      expect(error.path).toEqual(['subscriber', 'offers']);
      expect(error.extensions).toEqual({ code: 'UPSTREAM_ERROR' });
      expectOtherFields(res.data?.subscriber, ['offers']);
    });

    it('a refusal keeps its code and the upstream message, and hides the rest', async () => {
      const res = await prod.gql('query { subscriber(msisdn: "50400000001") { msisdn } }');
      expect(onlyError(res)).toEqual({
        message: 'Subscriber 50400000001 was not found in market hn',
        locations: [{ line: 1, column: 9 }],
        path: ['subscriber'],
        extensions: { code: 'NOT_FOUND' },
      });
    });
  });
});

describe('gateway errors: an upstream slower than the timeout', () => {
  let slow: Stack;
  beforeAll(async () => {
    slow = await startStack({ config: { upstreamTimeoutMs: 100, breakerFailures: 1000 } });
  });
  afterAll(() => slow.close());

  it('UPSTREAM_TIMEOUT on that field only; the other fields arrive', async () => {
    await slow.setFaults({ operations: { GetPhoneLeaseDetailsbyMSISDN: { latencyMs: 400 } } });
    await slow.resetUpstreamCalls();
    const res = await slow.gql<{ subscriber: Line }>(DASHBOARD, { msisdn: slow.upstream.demo.active.msisdn });
    const error = onlyError(res);
    // A read that times out is tried again, 1 + UPSTREAM_RETRIES times in all.
    expect((await slow.upstreamCalls()).GetPhoneLeaseDetailsbyMSISDN).toBe(1 + slow.config.upstreamRetries);
    expect(error.path).toEqual(['subscriber', 'phoneLease']);
    expect(error.message).toBe('The upstream did not answer GetPhoneLeaseDetailsbyMSISDN in time');
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      upstream: { operation: 'GetPhoneLeaseDetailsbyMSISDN', status: null },
    });
    expectOtherFields(res.data?.subscriber, ['phoneLease']);
  });

  it('a timed-out write is UPSTREAM_TIMEOUT on the mutation', async () => {
    await slow.setFaults({ operations: { AddFavoriteNumberByMSISDN: { latencyMs: 400 } } });
    const res = await slow.gql(
      'mutation ($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50431110001" }) { response } }',
      { m: slow.upstream.demo.active.msisdn },
    );
    expect(res.data).toBeNull();
    expect(onlyError(res)).toMatchObject({ path: ['addFavorite'], extensions: { code: 'UPSTREAM_TIMEOUT' } });
  });
});

/** A gateway over an upstream base URL, with the default config. */
async function gatewayOver(upstreamUrl: string): Promise<{ gateway: Gateway; url: string }> {
  // These tests are about upstream failures; authentication is off so the stub is all there is.
  const gateway = await createGateway({ config: testConfig({ auth: { disabled: true } }), upstreamUrl });
  return { gateway, url: await gateway.listen(0, '127.0.0.1') };
}

async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLAnswer<Line>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

const LINE = 'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn status { code } plan { planId } } }';

describe('gateway errors: a stopped upstream', () => {
  it('UPSTREAM_UNAVAILABLE when nothing listens on the upstream port; the line itself still arrives', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const { gateway, url } = await gatewayOver(`http://127.0.0.1:${port}/v2/tigo/mobile/{country}`);
    try {
      const res = await post(url, LINE, { m: '50491234567' });
      expect(res.data).toEqual({ subscriber: { msisdn: '50491234567', status: null, plan: null } });
      expect(res.errors?.map((e) => e.path?.join('.'))).toEqual(
        expect.arrayContaining(['subscriber.status', 'subscriber.plan']),
      );
      for (const error of res.errors ?? []) {
        expect(error.message).toBe('The upstream is unavailable (ECONNREFUSED)');
        expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
        expect((error.extensions?.upstream as Line | undefined)?.status).toBeNull();
      }

      const write = await post(
        url,
        'mutation { removeFavorite(input: { msisdn: "50491234567", phoneNumber: "50431110001" }) { response } }',
      );
      expect(write.data).toBeNull();
      expect(onlyError(write)).toMatchObject({
        path: ['removeFavorite'],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { operation: 'DeleteFavoriteNumberByMSISDN' } },
      });
    } finally {
      await gateway.close();
    }
  });

  it('UPSTREAM_UNAVAILABLE after the sandbox of a running stack is closed', async () => {
    const other = await startStack();
    try {
      const msisdn = other.upstream.demo.active.msisdn;
      const before = await other.gql(LINE, { m: msisdn });
      expect(before.errors).toBeUndefined();
      await other.upstream.close();
      const res = await other.gql<{ subscriber: Line }>(LINE, { m: msisdn });
      expect(res.data?.subscriber).toEqual({ msisdn, status: null, plan: null });
      expect(res.errors).toHaveLength(2);
      for (const error of res.errors ?? []) expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await other.gateway.close();
    }
  });
});

describe('gateway errors: statuses the sandbox never answers (a stub upstream)', () => {
  let stub: Server;
  let reply: (req: IncomingMessage, res: ServerResponse) => void;
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => {
    stub = createServer((req, res) => reply(req, res));
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as AddressInfo;
    ({ gateway, url } = await gatewayOver(`http://127.0.0.1:${port}/v2/tigo/mobile/{country}`));
  });
  afterAll(async () => {
    await gateway.close();
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
  });

  const answer = (status: number, body: string, type = 'application/json') => {
    reply = (req, res) => {
      req.resume();
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
    };
  };

  it("UPSTREAM_AUTH_FAILED from an upstream 401 (the gateway's credentials), with its message, on each field read", async () => {
    answer(401, JSON.stringify({ code: 401, message: 'The access token expired' }));
    const res = await post(url, LINE, { m: '50491234567' });
    expect(res.data).toEqual({ subscriber: { msisdn: '50491234567', status: null, plan: null } });
    expect(res.errors).toHaveLength(2);
    for (const error of res.errors ?? []) {
      expect(error.message).toBe("The upstream refused the gateway's credentials (The access token expired)");
      expect(error.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
      expect((error.extensions?.upstream as Line | undefined)?.status).toBe(401);
    }
  });

  it('UPSTREAM_AUTH_FAILED from an upstream 401 on a mutation', async () => {
    answer(401, JSON.stringify({ code: 401, message: 'Missing credentials' }));
    const res = await post(
      url,
      'mutation { purchaseOffer(input: { msisdn: "50491234567", offerId: "105" }) { response } }',
    );
    expect(res.data).toBeNull();
    expect(onlyError(res)).toMatchObject({
      message: "The upstream refused the gateway's credentials (Missing credentials)",
      path: ['purchaseOffer'],
      extensions: {
        code: 'UPSTREAM_AUTH_FAILED',
        upstream: { operation: 'PurchaseOfferbyMSISDNandOfferId', status: 401 },
      },
    });
  });

  it('an upstream 403 with a message the gateway does not know: a REFUSED userError, never FORBIDDEN', async () => {
    answer(403, JSON.stringify({ code: 403, message: 'Operación no permitida por política comercial' }));
    const res = await post(
      url,
      'mutation { purchaseOffer(input: { msisdn: "50491234567", offerId: "105" }) { response userErrors { code message } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      purchaseOffer: {
        response: null,
        userErrors: [{ code: 'REFUSED', message: 'Operación no permitida por política comercial' }],
      },
    });
  });

  it('an upstream 403 in Spanish is classified too (LINE_BLOCKED)', async () => {
    answer(403, JSON.stringify({ code: 403, message: 'La línea está bloqueada' }));
    const res = await post(
      url,
      'mutation { changePlan(input: { msisdn: "50491234567", planId: "803" }) { userErrors { code } } }',
    );
    expect(res.data).toEqual({ changePlan: { userErrors: [{ code: 'LINE_BLOCKED' }] } });
  });

  it('REFUSED (not FORBIDDEN) from an upstream 403 on a read, with its message', async () => {
    answer(403, JSON.stringify({ code: 403, message: 'Consulta no habilitada para este canal' }));
    const res = await post(url, LINE, { m: '50491234567' });
    expect(res.errors).toHaveLength(2);
    for (const error of res.errors ?? []) {
      expect(error.message).toBe('Consulta no habilitada para este canal');
      expect(error.extensions).toMatchObject({ code: 'REFUSED', upstream: { status: 403 } });
    }
  });

  it.each([
    ['an object missing required fields', '{}', /breaks the contract/],
    ['a wrongly typed field', JSON.stringify({ code: 7, assetType: 'SIM' }), /breaks the contract/],
    ['an empty body', '', /invalid JSON/],
    ['a body cut short', '{"code": "Active", "assetType": "SI', /invalid JSON/],
  ])('UPSTREAM_ERROR for a 200 with %s, never half-parsed data', async (_, body, message) => {
    answer(200, body);
    const res = await post(url, 'query ($m: MSISDN!) { subscriber(msisdn: $m) { status { code } } }', {
      m: '50491234567',
    });
    expect(res.data).toEqual({ subscriber: { status: null } });
    expect(onlyError(res)).toMatchObject({
      path: ['subscriber', 'status'],
      message: expect.stringMatching(message),
      extensions: {
        code: 'UPSTREAM_ERROR',
        upstream: { operation: 'GetStatusOfSubscriberByMSISDN', status: null },
      },
    });
  });

  it('UPSTREAM_ERROR from an unexpected status (418), with the upstream message', async () => {
    answer(418, JSON.stringify({ code: 418, message: 'I am a teapot' }));
    const res = await post(url, LINE, { m: '50491234567' });
    for (const error of res.errors ?? []) {
      expect(error.message).toBe('I am a teapot');
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 418 } });
    }
    expect(res.errors).toHaveLength(2);
  });

  it('UPSTREAM_UNAVAILABLE from a 503 with an empty body: the message names the status', async () => {
    answer(503, '');
    const res = await post(url, LINE, { m: '50491234567' });
    expect(res.errors).toHaveLength(2);
    for (const error of res.errors ?? []) {
      expect(error.message).toBe('The upstream answered 503');
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: { status: 503 } });
    }
  });

  it('an upstream 401 whose body is not JSON is still UPSTREAM_AUTH_FAILED', async () => {
    // The status decides the code; the message falls back to the status when the body is not JSON.
    answer(401, 'Unauthorized', 'text/plain');
    const res = await post(url, LINE, { m: '50491234567' });
    expect(res.errors).toHaveLength(2);
    for (const error of res.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', upstream: { status: 401 } });
      expect(error.message).toBe(
        "The upstream refused the gateway's credentials (The upstream answered 401)",
      );
    }
  });

  it('an upstream 404 whose body is not JSON is still NOT_FOUND for the line', async () => {
    answer(404, '<html><body>Not Found</body></html>', 'text/html');
    const res = await post(url, LINE, { m: '50491234567' });
    expect(res.data).toEqual({ subscriber: null });
    expect(onlyError(res)).toMatchObject({
      path: ['subscriber'],
      message: 'The upstream answered 404',
      extensions: { code: 'NOT_FOUND', upstream: { status: 404 } },
    });
  });
});
