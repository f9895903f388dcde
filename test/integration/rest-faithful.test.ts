// The REST router is a faithful shim for the five values the gateway's GraphQL types are narrower
// for than the ORIGINAL contract: an MSISDN in the path (any string), a favorite's PhoneNumber (any
// string), startDate/endDate ("ISO8601 datetime", plain strings), resolution (a plain string) and
// channelId (an unbounded integer). Each reaches the upstream as the client wrote it and the
// upstream's own answer is handed on; authorization still holds (a subscriber token reaches only
// its own line), and GraphQL clients keep their typed, validated arguments.
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';
import { type StubStack, startStubStack } from '../helpers/stub-upstream.ts';

const RUNS = 60;
const LINE = '50491234567';
const USAGE = { code: '0', description: 'OK', trafficDetails: [] };

/** The query string as a legacy client writes it (each value percent-encoded). */
const queryOf = (query: Record<string, string>) =>
  `?${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;

describe('over an upstream that accepts what the original allows: its 200 is handed on', () => {
  let stub: StubStack;
  beforeAll(async () => {
    stub = await startStubStack();
    stub.answers.GetFavoriteNumbersByMSISDN = { body: [{ PhoneNumber: '123', Label: 'x' }] };
    stub.answers.AddFavoriteNumberByMSISDN = { status: 201, body: { response: 'ADDED', extra: 1 } };
    stub.answers.DeleteFavoriteNumberByMSISDN = { status: 200, body: { response: 'DELETED' } };
    stub.answers.GetDataUsageByMSISDNPerHourAndApp = { body: USAGE };
    stub.answers.GetDataUsagePercentageByMSISDNPerApp = { body: USAGE };
    stub.answers.GetAvailableOffersByMSISDN = { body: [] };
  });
  afterAll(async () => stub?.close());
  beforeEach(() => {
    stub.received.length = 0;
  });

  it('(1) an MSISDN that is not 8 to 15 digits reaches the upstream as written, on reads and writes', async () => {
    for (const msisdn of ['abc', '+504 9988-7766', '5049123', '5049123456789012']) {
      const path = `/plans/subscribers/${encodeURIComponent(msisdn)}/favorites/`;
      const read = await stub.rest('GET', path);
      expect([read.status, read.body]).toEqual([200, [{ PhoneNumber: '123', Label: 'x' }]]);
      const added = await stub.rest('POST', path, { PhoneNumber: '50499887766' });
      expect([added.status, added.body]).toEqual([201, { response: 'ADDED', extra: 1 }]);
    }
    expect(stub.received.map((r) => decodeURIComponent(r.url))).toEqual(
      ['abc', '+504 9988-7766', '5049123', '5049123456789012'].flatMap((m) => [
        `/plans/subscribers/${m}/favorites/`,
        `/plans/subscribers/${m}/favorites/`,
      ]),
    );
  });

  it('(2) a PhoneNumber that is not 7 to 15 digits reaches the upstream as written, added and removed', async () => {
    for (const PhoneNumber of ['123', 'ext. 12', '*611', '', '+504 9988-7766']) {
      const added = await stub.rest('POST', `/plans/subscribers/${LINE}/favorites/`, { PhoneNumber });
      expect([added.status, added.body]).toEqual([201, { response: 'ADDED', extra: 1 }]);
      const removed = await stub.rest('DELETE', `/plans/subscribers/${LINE}/favorites/`, { PhoneNumber });
      expect([removed.status, removed.body]).toEqual([200, { response: 'DELETED' }]);
    }
    expect(stub.received.map((r) => r.body)).toEqual(
      ['123', 'ext. 12', '*611', '', '+504 9988-7766'].flatMap((PhoneNumber) => [
        { PhoneNumber },
        { PhoneNumber },
      ]),
    );
  });

  it('(3, 4) dates without an offset, bare dates and any resolution reach the upstream as written', async () => {
    const query = { startDate: '2026-12-01T10:00:00', endDate: '2026-12-02', resolution: 'WEEK' };
    const hourly = await stub.rest(
      'GET',
      `/billing/subscribers/${LINE}/usage/data/hourlybyapp${queryOf(query)}`,
    );
    const shares = await stub.rest(
      'GET',
      `/billing/subscribers/${LINE}/usage/data/percentagebyapp${queryOf(query)}`,
    );
    expect([hourly.status, hourly.body, shares.status, shares.body]).toEqual([200, USAGE, 200, USAGE]);
    const sent = stub.received.map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
    expect(sent).toEqual([
      { startDate: query.startDate, endDate: query.endDate },
      { startDate: query.startDate, endDate: query.endDate, resolution: 'WEEK' },
    ]);
  });

  it('(5) a channelId past 2^31 - 1 reaches the upstream as written', async () => {
    for (const channelId of ['2147483648', '99999999999999999999', '-2147483649']) {
      const r = await stub.rest(
        'GET',
        `/plans/subscribers/${LINE}/availableoffers/${queryOf({ channelId })}`,
      );
      expect([r.status, r.body]).toEqual([200, []]);
    }
    expect(stub.received.map((r) => new URL(r.url, 'http://x').searchParams.get('channelId'))).toEqual([
      '2147483648',
      '99999999999999999999',
      '-2147483649',
    ]);
  });

  it('a dot segment (`..`, `.`), which URL parsers resolve to another path, is never sent upstream', async () => {
    // fetch would resolve %2E%2E itself; node:http sends the path as written.
    for (const segment of ['%2E%2E', '.', '%2e']) {
      const status = await new Promise<number>((resolve, reject) => {
        request(`${stub.url}/v2/tigo/mobile/hn/plans/subscribers/${segment}/favorites/`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      // 404 where the server resolved the dot segment itself (no route there), else the router's 400.
      expect([400, 404], segment).toContain(status);
    }
    const graphql = await stub.graphql('{ lineAsWritten(msisdn: "..") { favorites { phoneNumber } } }');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stub.received).toEqual([]);
  });

  describe("property: what the original types allow is never refused in the router's own words", () => {
    /** One request; the upstream must have been asked, and its answer handed on. */
    async function reachesUpstream(method: string, path: string, body?: unknown) {
      const before = stub.received.length;
      const r = await stub.rest(method, path, body);
      expect(stub.received.length, `${method} ${path} ${JSON.stringify(body)}`).toBe(before + 1);
      expect(r.status).not.toBe(400);
    }
    // Any string a path segment carries: not empty, not a dot segment (`.`, `..`), which URL parsers resolve away.
    const segment = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .filter((m) => !/^(\.|%2e){1,2}$/i.test(m));
    const anyString = fc.string({ unit: 'grapheme', maxLength: 30 });
    const dateLike = fc.oneof(
      anyString,
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
        .chain((d) =>
          fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 19), d.toISOString().slice(0, 10)),
        ),
    );

    it('MSISDN (path)', async () => {
      await fc.assert(
        fc.asyncProperty(segment, async (msisdn) => {
          await reachesUpstream('GET', `/plans/subscribers/${encodeURIComponent(msisdn)}/favorites/`);
        }),
        { numRuns: RUNS },
      );
    });

    it('PhoneNumber (body)', async () => {
      await fc.assert(
        fc.asyncProperty(anyString, fc.boolean(), async (PhoneNumber, add) => {
          await reachesUpstream(add ? 'POST' : 'DELETE', `/plans/subscribers/${LINE}/favorites/`, {
            PhoneNumber,
          });
        }),
        { numRuns: RUNS },
      );
    });

    it('startDate, endDate and resolution (query)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ startDate: dateLike, endDate: dateLike, resolution: anyString }, { requiredKeys: [] }),
          fc.constantFrom('hourlybyapp', 'percentagebyapp'),
          async (query, path) => {
            await reachesUpstream('GET', `/billing/subscribers/${LINE}/usage/data/${path}${queryOf(query)}`);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('channelId (query): any integer', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.integer(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })),
          async (channelId) => {
            await reachesUpstream(
              'GET',
              `/plans/subscribers/${LINE}/availableoffers/${queryOf({ channelId: String(channelId) })}`,
            );
          },
        ),
        { numRuns: RUNS },
      );
    });
  });
});

describe('over the Sandbox: authorization holds, GraphQL stays typed', () => {
  let s: Stack;
  let subscriber: string;
  beforeAll(async () => {
    s = await startStack({ config: { cache: false, limits: { rateLimit: 1_000_000 } } });
    subscriber = `Bearer ${await s.token({ msisdn: s.upstream.demo.active.msisdn, country: 'hn' })}`;
  });
  afterAll(async () => s?.close());
  beforeEach(() => s.resetUpstreamCalls());

  const rest = async (path: string, authorization?: string) => {
    const res = await s.fetch(
      `/v2/tigo/mobile/hn${path}`,
      authorization ? { headers: { authorization } } : {},
    );
    return { status: res.status, body: await res.json() };
  };

  it('a subscriber token: its own line goes upstream; any other spelling is FORBIDDEN before any call', async () => {
    const own = s.upstream.demo.active.msisdn;
    expect((await rest(`/billing/subscribers/${own}/status`, subscriber)).status).toBe(200);
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 });
    await s.resetUpstreamCalls();
    for (const msisdn of [`+${own}`, `${own.slice(0, 3)} ${own.slice(3)}`, 'abc', own.slice(0, 7)]) {
      const r = await rest(`/billing/subscribers/${encodeURIComponent(msisdn)}/status`, subscriber);
      expect(r, msisdn).toEqual({ status: 403, body: { code: 403, message: expect.any(String) } });
    }
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('an agent token: the Sandbox refuses a non-digit MSISDN itself, and its own 400 is handed on', async () => {
    const r = await rest('/billing/subscribers/abc/status');
    const direct = await s.upstream.request('GET', '/v2/tigo/mobile/hn/billing/subscribers/abc/status');
    expect(r).toEqual({ status: 400, body: direct.body });
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 2 });
  });

  it('GraphQL keeps its typed arguments: MSISDN, channelId Int, DateTime, UsageResolution still refuse', async () => {
    const refused = await s.gql(
      `{ line(msisdn: "abc") { offers(channelId: 2147483648) { id } usage { hourlyByApp(from: "2026-12-01") { code } } } }`,
    );
    expect(refused.errors?.length).toBeGreaterThan(0);
    const resolution = await s.gql(
      `{ line(msisdn: "${s.upstream.demo.active.msisdn}") { usage { percentageByApp(resolution: WEEK) { code } } } }`,
    );
    expect(resolution.errors?.length).toBeGreaterThan(0);
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('GraphQL as written: a subscriber reaches only its own line; msisdn and msisdnAsWritten are one or the other', async () => {
    const own = s.upstream.demo.active.msisdn;
    const asSubscriber = { authorization: subscriber };
    const other = await s.gql(`{ lineAsWritten(msisdn: "+${own}") { status { code } } }`, {}, asSubscriber);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const both = await s.gql(
      `mutation { addFavorite(input: { msisdn: "${own}", msisdnAsWritten: "${own}", phoneNumber: "50499887766" }) { message } }`,
    );
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await s.upstreamCalls()).toEqual({});
  });
});
