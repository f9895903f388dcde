// The HTTP cache of upstream reads (RFC 9111, shared): what the sandbox marks `public, max-age=300`
// (the offer catalog, the plan catalog with no type or type additional) is read once per URL within
// max-age, through GraphQL and REST alike; a line's state and every error always reach the upstream;
// a write to a line drops that line's cached reads and no other's. Counted by the sandbox's stats.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { lineTaker } from '../helpers/sandbox.ts';
import { type GraphQLAnswer, type Stack, startStack, testConfig } from '../helpers/stack.ts';

type Line = Record<string, unknown>;

/** The sum of the samples of a Prometheus metric whose labels include `labels`. */
async function metric(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
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
  // A larger seed, so every test has lines of its own (cached entries outlive a test).
  s = await startStack({
    sandbox: { subscribers: 1000 },
    config: { breakerFailures: 1000, limits: { rateLimit: 1_000_000 } },
  });
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());
afterEach(async () => {
  await s.upstream.request('DELETE', '/__sandbox/faults');
});

const freshLine = lineTaker(() => s.upstream.sandbox);

/** The line has a free favorite slot (5 at most). */
const freeSlot = (msisdn: string) =>
  (
    s.upstream.sandbox.db.prepare('SELECT count(*) AS n FROM favorites WHERE msisdn = ?').get(msisdn) as {
      n: number;
    }
  ).n < 5;

const OFFERS =
  'query Offers($m: MSISDN!, $c: Int) { line(msisdn: $m) { offers(channelId: $c) { offerId } } }';
const PLANS =
  'query Plans($m: MSISDN!, $t: PlanType) { line(msisdn: $m) { availablePlans(type: $t) { id } } }';
const offers = (msisdn: string, channelId = 4) =>
  s.gql<{ line: { offers: { offerId: string }[] } }>(OFFERS, { m: msisdn, c: channelId });
const plans = (msisdn: string, type: string | null = null) =>
  s.gql<{ line: { availablePlans: { id: string }[] } }>(PLANS, { m: msisdn, t: type });
const rest = (path: string, init?: RequestInit) => s.fetch(`/v2/tigo/mobile/hn${path}`, init);

const calls = () => s.upstreamCalls();

function ok<T>(res: GraphQLAnswer<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

describe('catalogs are read once within max-age', () => {
  it('GraphQL: offers twice, one upstream call, the same answer', async () => {
    const m = freshLine();
    const first = ok(await offers(m));
    expect(first.line.offers.length).toBeGreaterThan(0);
    const second = ok(await offers(m));
    expect(second).toEqual(first);
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });

  it('GraphQL: availablePlans with no type and with type ADDITIONAL, each read once', async () => {
    const m = freshLine();
    const all = ok(await plans(m));
    const additional = ok(await plans(m, 'ADDITIONAL'));
    expect(all.line.availablePlans.length).toBeGreaterThan(additional.line.availablePlans.length);
    expect(ok(await plans(m))).toEqual(all);
    expect(ok(await plans(m, 'ADDITIONAL'))).toEqual(additional);
    expect(await calls()).toEqual({ GetAvailablePlansbyMSISDN: 2 });
  });

  it('REST: GET availableoffers and availableplans twice, one upstream call each, the same bodies', async () => {
    const m = freshLine();
    for (const path of [
      `/plans/subscribers/${m}/availableoffers/`,
      `/plans/subscribers/${m}/availableplans/`,
    ]) {
      const a = await rest(path);
      const b = await rest(path);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(await b.json()).toEqual(await a.json());
    }
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1, GetAvailablePlansbyMSISDN: 1 });
  });

  it('GraphQL and REST share the entry of one URL', async () => {
    const m = freshLine();
    const res = await rest(`/plans/subscribers/${m}/availableoffers/`);
    const body = (await res.json()) as { OfferId: string }[];
    expect(ok(await offers(m)).line.offers.map((o) => o.offerId)).toEqual(body.map((o) => o.OfferId));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });

  it('an entry is per URL: another line, or another channel, is its own entry', async () => {
    const [a, b] = [freshLine(), freshLine()];
    ok(await offers(a));
    ok(await offers(b));
    ok(await offers(a, 2));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 3 });
    ok(await offers(a));
    ok(await offers(b));
    ok(await offers(a, 2));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 3 });
  });

  it("a cached catalog is no way around authorization: another line's token is FORBIDDEN, no data", async () => {
    const [a, b] = [freshLine(), freshLine()];
    ok(await offers(a));
    const other = `Bearer ${await s.token({ msisdn: b, country: 'hn' })}`;
    const res = await s.gql(OFFERS, { m: a, c: 4 }, { authorization: other });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(res.data ?? null)).not.toContain('"id"');
    const own = `Bearer ${await s.token({ msisdn: a, country: 'hn' })}`;
    expect(ok(await s.gql(OFFERS, { m: a, c: 4 }, { authorization: own }))).toBeTruthy();
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });
});

describe('state and errors are never served from the cache', () => {
  const STATE = `query State($m: MSISDN!) {
    line(msisdn: $m) {
      status { code }
      plan { planId }
      favorites { phoneNumber }
      phoneLease { imei }
      upgradeRequest { status }
      availablePlans(type: DOWNGRADES) { id }
      planUpgrades { id }
      usage { hourlyByApp { totalBytes } percentageByApp { lastUpdatedAt } }
    }
  }`;

  it('every state read of every request reaches the upstream (GraphQL)', async () => {
    const m = s.upstream.demo.active.msisdn;
    const each = {
      GetStatusOfSubscriberByMSISDN: 2,
      GetCurrentPlanDetailsbyMSISDN: 2,
      GetFavoriteNumbersByMSISDN: 2,
      GetPhoneLeaseDetailsbyMSISDN: 2,
      GetUpgradeStatusbyMSISDN: 2,
      GetAvailablePlansbyMSISDN: 2,
      GetAvailablePlansUpgradesbyMSISDN: 2,
      GetDataUsageByMSISDNPerHourAndApp: 2,
      GetDataUsagePercentageByMSISDNPerApp: 2,
    };
    const hits = () =>
      Promise.all(
        Object.keys(each).map((operation) =>
          metric(s.url, 'gateway_upstream_cache_total', { operation, result: 'hit' }),
        ),
      );
    const hitsBefore = await hits();
    const first = ok(await s.gql(STATE, { m }));
    const second = ok(await s.gql(STATE, { m }));
    expect(second).toEqual(first);
    expect(await calls()).toEqual(each);
    expect(await hits()).toEqual(hitsBefore);
  });

  it('every state read reaches the upstream (REST: status, current plan, favorites, usage)', async () => {
    const m = s.upstream.demo.active.msisdn;
    const paths = [
      `/billing/subscribers/${m}/status`,
      `/plans/subscribers/${m}/current`,
      `/plans/subscribers/${m}/favorites/`,
      `/billing/subscribers/${m}/usage/data/percentagebyapp`,
    ];
    for (const path of [...paths, ...paths]) expect((await rest(path)).status, path).toBe(200);
    expect(await calls()).toEqual({
      GetStatusOfSubscriberByMSISDN: 2,
      GetCurrentPlanDetailsbyMSISDN: 2,
      GetFavoriteNumbersByMSISDN: 2,
      GetDataUsagePercentageByMSISDNPerApp: 2,
    });
  });

  it("a 404 is not cached: an unknown line's catalog read twice is 2 calls", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await offers('50400000001');
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    for (let i = 0; i < 2; i++) {
      expect((await rest('/plans/subscribers/50400000001/availableplans/')).status).toBe(404);
    }
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 2, GetAvailablePlansbyMSISDN: 2 });
  });

  it('a 500 is not cached: once the fault is gone, the next read reaches the upstream and answers data', async () => {
    const m = freshLine();
    await s.setFaults({ operations: { GetAvailableOffersByMSISDN: { errorRate: 1 } } });
    expect((await offers(m)).errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    await s.upstream.request('DELETE', '/__sandbox/faults');
    expect(ok(await offers(m)).line.offers.length).toBeGreaterThan(0);
    expect(ok(await offers(m)).line.offers.length).toBeGreaterThan(0);
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 2 });
  });

  it('a garbage 200 is not cached', async () => {
    const m = freshLine();
    await s.setFaults({ operations: { GetAvailableOffersByMSISDN: { errorRate: 1, kind: 'garbage' } } });
    expect((await offers(m)).errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    await s.upstream.request('DELETE', '/__sandbox/faults');
    expect(ok(await offers(m)).line.offers.length).toBeGreaterThan(0);
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 2 });
  });
});

describe("a write to a line drops its cached reads, and no other line's", () => {
  const PURCHASE =
    'mutation Buy($m: MSISDN!) { purchaseOffer(input: { msisdn: $m, offerId: "105" }) { response } }';
  const writes: [string, string, Record<string, unknown>][] = [
    ['purchaseOffer', PURCHASE, {}],
    [
      'addFavorite',
      'mutation Add($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50431110042" }) { response } }',
      {},
    ],
    [
      'changePlan',
      'mutation Change($m: MSISDN!) { changePlan(input: { msisdn: $m, planId: "803" }) { response } }',
      {},
    ],
    [
      'updateStatus',
      'mutation Status($m: MSISDN!) { updateStatus(input: { msisdn: $m, code: ACTIVE, assetType: SIM }) { response } }',
      {},
    ],
  ];

  it.each(writes)(
    "%s drops the line's catalog entries (the next reads reach the upstream), not another line's",
    async (_, mutation) => {
      const [a, b] = [freshLine(freeSlot), freshLine()];
      for (const m of [a, b]) {
        ok(await offers(m));
        ok(await plans(m));
      }
      const write = await s.gql(mutation, { m: a });
      expect(write.errors, JSON.stringify(write.errors)).toBeUndefined();
      await s.resetUpstreamCalls();

      ok(await offers(a));
      ok(await plans(a));
      expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1, GetAvailablePlansbyMSISDN: 1 });
      ok(await offers(b));
      ok(await plans(b));
      expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1, GetAvailablePlansbyMSISDN: 1 });
      // And the new entry of line a is cached again.
      ok(await offers(a));
      expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1, GetAvailablePlansbyMSISDN: 1 });
    },
  );

  it('a write drops every cached read of the line, also reads that were stored at the same time', async () => {
    const a = freshLine();
    // One query: both catalog reads start together, so both entries are stored at once.
    const BOTH = 'query ($m: MSISDN!) { line(msisdn: $m) { offers { id } availablePlans { id } } }';
    ok(await s.gql(BOTH, { m: a }));
    ok(await s.gql(BOTH, { m: a }));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1, GetAvailablePlansbyMSISDN: 1 });
    ok(await s.gql(PURCHASE, { m: a }));
    await s.resetUpstreamCalls();
    ok(await s.gql(BOTH, { m: a }));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1, GetAvailablePlansbyMSISDN: 1 });
  });

  it("a REST write (POST acquiredoffers) drops the line's entries too", async () => {
    const [a, b] = [freshLine(), freshLine()];
    for (const m of [a, b]) ok(await offers(m));
    expect((await rest(`/plans/subscribers/${a}/acquiredoffers/105`, { method: 'POST' })).status).toBe(201);
    await s.resetUpstreamCalls();
    ok(await offers(a));
    ok(await offers(b));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });

  it('a refused write (an unknown offer: 404) drops nothing', async () => {
    const a = freshLine();
    ok(await offers(a));
    const res = await s.gql(
      'mutation Buy($m: MSISDN!) { purchaseOffer(input: { msisdn: $m, offerId: "999" }) { response } }',
      { m: a },
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    await s.resetUpstreamCalls();
    ok(await offers(a));
    expect(await calls()).toEqual({});
  });

  it('a read in a later request shows the new state: favorites after addFavorite, plan after changePlan', async () => {
    const m = freshLine(freeSlot);
    const FAVS = 'query ($m: MSISDN!) { line(msisdn: $m) { favorites { phoneNumber } plan { planId } } }';
    const before = ok(
      await s.gql<{ line: { favorites: { phoneNumber: string }[]; plan: { planId: string } } }>(FAVS, { m }),
    );
    expect(before.line.favorites.map((f) => f.phoneNumber)).not.toContain('50431110043');
    const planId = before.line.plan.planId === '803' ? '804' : '803';

    ok(
      await s.gql(
        'mutation ($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50431110043" }) { response } }',
        { m },
      ),
    );
    ok(
      await s.gql(
        'mutation ($m: MSISDN!, $p: ID!) { changePlan(input: { msisdn: $m, planId: $p }) { response } }',
        {
          m,
          p: planId,
        },
      ),
    );
    const after = ok(
      await s.gql<{ line: { favorites: { phoneNumber: string }[]; plan: { planId: string } } }>(FAVS, { m }),
    );
    expect(after.line.favorites.map((f) => f.phoneNumber)).toContain('50431110043');
    expect(after.line.plan.planId).toBe(planId);
    // REST sees it too.
    const favorites = (await (await rest(`/plans/subscribers/${m}/favorites/`)).json()) as {
      PhoneNumber: string;
    }[];
    expect(favorites.map((f) => f.PhoneNumber)).toContain('50431110043');
  });
});

describe('cache metrics', () => {
  it('gateway_upstream_cache_total counts a miss, then hits', async () => {
    const m = freshLine();
    const labels = (result: string) => ({ operation: 'GetAvailableOffersByMSISDN', result });
    const [hits, misses] = [
      await metric(s.url, 'gateway_upstream_cache_total', labels('hit')),
      await metric(s.url, 'gateway_upstream_cache_total', labels('miss')),
    ];
    for (let i = 0; i < 3; i++) ok(await offers(m));
    expect(await metric(s.url, 'gateway_upstream_cache_total', labels('miss'))).toBe(misses + 1);
    expect(await metric(s.url, 'gateway_upstream_cache_total', labels('hit'))).toBe(hits + 2);
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });
});

describe('revalidation of a stale entry', () => {
  // The gateway's cache reads its clock through Date (http-cache-semantics and Keyv): faking Date
  // alone, in this process, makes the entry stale without touching any timer.
  afterEach(() => {
    vi.useRealTimers();
  });

  it('past max-age, the entry is revalidated with If-None-Match: a 304 keeps the body and makes it fresh again', async () => {
    const m = freshLine();
    const first = ok(await offers(m));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
    const revalidated = await metric(s.url, 'gateway_upstream_cache_total', {
      operation: 'GetAvailableOffersByMSISDN',
      result: 'revalidated',
    });

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 301_000 });
    await s.resetUpstreamCalls();
    const stale = ok(await offers(m));
    expect(stale).toEqual(first);
    // One conditional call, which the sandbox answered 304.
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
    expect(
      await metric(s.url, 'gateway_upstream_cache_total', {
        operation: 'GetAvailableOffersByMSISDN',
        result: 'revalidated',
      }),
    ).toBe(revalidated + 1);

    // Fresh again for another max-age.
    ok(await offers(m));
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });

  it('within max-age a changed catalog is not seen; past it, the new answer (200) replaces the entry', async () => {
    const m = freshLine();
    const NAMED = 'query ($m: MSISDN!) { line(msisdn: $m) { offers { offerId name } } }';
    type Named = { line: { offers: { offerId: string; name: string }[] } };
    const first = ok(await s.gql<Named>(NAMED, { m }));
    const offer = first.line.offers[0] as { offerId: string; name: string };
    const rename = s.upstream.sandbox.db.prepare(
      "UPDATE offers SET name = ? WHERE country = 'hn' AND offer_id = ?",
    );
    rename.run('Renamed for the cache test', offer.offerId);
    try {
      const cached = ok(await s.gql<Named>(NAMED, { m }));
      expect(cached.line.offers[0]).toEqual(offer);
      expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });

      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 301_000 });
      const renewed = ok(await s.gql<Named>(NAMED, { m }));
      expect(renewed.line.offers[0]).toEqual({ offerId: offer.offerId, name: 'Renamed for the cache test' });
      ok(await s.gql<Named>(NAMED, { m }));
      expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 2 });
    } finally {
      rename.run(offer.name, offer.offerId);
    }
  });
});

describe('with CACHE=false', () => {
  let off: Stack;
  beforeAll(async () => {
    off = await startStack({ config: { cache: false } });
  });
  afterAll(() => off.close());

  it('every read reaches the upstream, catalogs included, and no cache event is counted', async () => {
    const m = off.upstream.demo.active.msisdn;
    for (let i = 0; i < 3; i++) {
      expect((await off.gql(OFFERS, { m, c: 4 })).errors).toBeUndefined();
      expect((await off.gql(PLANS, { m, t: null })).errors).toBeUndefined();
      expect((await off.fetch(`/v2/tigo/mobile/hn/plans/subscribers/${m}/availableoffers/`)).status).toBe(
        200,
      );
    }
    expect(await off.upstreamCalls()).toEqual({
      GetAvailableOffersByMSISDN: 6,
      GetAvailablePlansbyMSISDN: 3,
    });
    expect(await metric(off.url, 'gateway_upstream_cache_total')).toBe(0);
  });
});

describe('an upstream that marks a broken answer cacheable (a stub upstream)', () => {
  let stub: Server;
  let gateway: Gateway;
  let url: string;
  let hits = 0;
  beforeAll(async () => {
    stub = createServer((req, res) => {
      req.resume();
      hits++;
      // The first answer breaks the contract; every later one is right. Both say public, max-age=300.
      const body = hits === 1 ? '[{"OfferId": 7}]' : '[]';
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'public, max-age=300',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as AddressInfo;
    gateway = await createGateway({
      config: testConfig({ auth: { disabled: true }, breakerFailures: 1000 }),
      upstreamUrl: `http://127.0.0.1:${port}/v2/tigo/mobile/{country}`,
    });
    url = await gateway.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gateway.close();
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
  });

  const post = async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { line(msisdn: "50491234567") { offers { id } } }' }),
    });
    return (await res.json()) as GraphQLAnswer<{ line: Line }>;
  };

  it('an answer that breaks the contract is an error, never cached: the next request asks again', async () => {
    const first = await post();
    expect(first.errors?.[0]?.message).toMatch(/breaks the contract/);
    expect(first.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    const second = await post();
    expect(hits).toBe(2);
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual({ line: { offers: [] } });
  });
});
