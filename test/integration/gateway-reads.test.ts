import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  FavoriteNumber,
  Offer,
  OperationId,
  PhoneLeaseInfo,
  Plan,
  Status,
  SuccessBody,
  UsagePercentageResponse,
  UsagePerHourResponse,
} from '../../src/contract/wire.ts';
import { plainLine } from '../helpers/sandbox.ts';
import { type GraphQLAnswer, type Stack, startStack } from '../helpers/stack.ts';

const DASHBOARD = readFileSync(new URL('../../operations/Dashboard.graphql', import.meta.url), 'utf8');

/** The sandbox's clock, fixed for the whole file, so usage windows read the same from both sides. */
const NOW = Date.now();
const HOUR = 3_600_000;
const hourIso = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR).toISOString().replace('.000Z', 'Z');

let s: Stack;
beforeAll(async () => {
  // The HTTP cache is off: these tests count the loaders' calls (the cache has tests of its own).
  s = await startStack({ sandbox: { now: () => NOW }, config: { cache: false } });
});
afterAll(() => s.close());

/**
 * Waits until the sandbox sees no more calls: reads started for a line that turns out not to exist
 * are left running when the answer goes out, and must not land in the next test's counts.
 */
async function settle(stack: Stack = s): Promise<void> {
  const total = async () => Object.values(await stack.upstreamCalls()).reduce((a, b) => a + b, 0);
  let last = await total();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 25));
    const now = await total();
    if (now === last) return;
    last = now;
  }
}

beforeEach(async () => {
  await settle();
  await s.resetUpstreamCalls();
});
afterEach(() => s.upstream.request('DELETE', '/__sandbox/faults'));

const demo = () => s.upstream.demo;
const UNKNOWN = '50400000000';

type Obj = Record<string, unknown>;
interface Sub<T = Obj> {
  subscriber: T | null;
}

/** What the sandbox answers for an operation on a line. */
async function wire<T>(
  operationId: OperationId,
  msisdn: string,
  query?: Record<string, string>,
  country = 'hn',
): Promise<T> {
  const res = await s.upstream.call<T>(operationId, { msisdn, query, country });
  expect(res.status, `${operationId} for ${msisdn}`).toBe(200);
  return res.body;
}

// ---- GraphQL selections of every field, and the wire → GraphQL mapping of each type ----

const PLAN =
  '{ id planId name monthlyAmount currency dataMB status category rank offerings { category id details { name value } } }';
const OFFER =
  '{ id offerId name description validity validityUnit category subCategory rank amount currency acquisitionMethods { id name } }';
const FAVORITE = '{ phoneNumber expirationDate label planCode }';
const LEASE =
  '{ clauseId lastBillingDate nextRenewalDate typeClauseId imei gama brand model insurance status }';
const HOURLY = '{ totalBytes lastUpdatedAt records { date hour appName bytes } }';
const SHARES = '{ lastUpdatedAt records { date hour appName percentage bytes } }';

/** A plan of the market's catalog as GraphQL answers it: its id names the market. */
const planIn = (market: string) => (p: Plan) => ({
  id: `${market}:${p.planId}`,
  planId: p.planId,
  name: p.planName,
  monthlyAmount: p.monthlyAmount,
  currency: p.currencyId ?? null,
  dataMB: p.planDataInMB ?? null,
  status: p.status ?? null,
  category: p.CategoryName ?? null,
  rank: p.Rank ?? null,
  offerings: (p.productOfferingList ?? []).map((o) => ({
    category: o.offeringCategory ? o.offeringCategory.toUpperCase() : null,
    id: o.offeringId ?? null,
    details: (o.offeringDetailList ?? []).map((d) => ({ name: d.name ?? null, value: d.value ?? null })),
  })),
});

const planOf = planIn('hn');

const offerOf = (o: Offer) => ({
  id: `hn:${o.OfferId}`,
  offerId: o.OfferId,
  name: o.OfferName,
  description: o.Description ?? null,
  validity: o.Validity ?? null,
  validityUnit: o.ValidityUnit ?? null,
  category: o.CategoryName ?? null,
  subCategory: o.SubCategoryName ?? null,
  rank: o.Rank ?? null,
  amount: o.amount ?? null,
  currency: o.currencyId ?? null,
  acquisitionMethods: (o.AcquisitionMethodList ?? []).map((m) => ({
    id: m.AcquisitionMethodId,
    name: m.AcquisitionMethodName,
  })),
});

const favoriteOf = (f: FavoriteNumber) => ({
  phoneNumber: f.PhoneNumber,
  expirationDate: f.ExpirationDate ?? null,
  label: f.Label ?? null,
  planCode: f.PlanCode ?? null,
});

const leaseOf = (l: PhoneLeaseInfo) => ({
  clauseId: l.clauseId ?? null,
  lastBillingDate: l.lastBillingDate,
  nextRenewalDate: l.nextRenewalDate,
  typeClauseId: l.typeClauseId ?? null,
  imei: l.imei ?? null,
  gama: l.gama ?? null,
  brand: l.brand ?? null,
  model: l.model ?? null,
  insurance: l.insurance ?? null,
  status: l.status ?? null,
});

const statusOf = (st: Status) => ({
  code: st.code.toUpperCase(),
  assetType: st.assetType,
  description: st.description ?? null,
});

const hourlyOf = (u: UsagePerHourResponse) => ({
  totalBytes: u.totalVolumeBytes ?? null,
  lastUpdatedAt: u.lastUpdatedAt ?? null,
  records: (u.trafficDetails ?? []).map((r) => ({
    date: r.date ?? null,
    hour: r.hour ?? null,
    appName: r.appName ?? null,
    bytes: r.trafficVolumeBytes ?? null,
  })),
});

const sharesOf = (u: UsagePercentageResponse) => ({
  lastUpdatedAt: u.lastUpdatedAt ?? null,
  records: (u.trafficDetails ?? []).map((r) => ({
    date: r.date ?? null,
    hour: r.hour ?? null,
    appName: r.appName ?? null,
    percentage: r.percentage === undefined ? null : Number(r.percentage),
    bytes: r.trafficVolumeBytes ?? null,
  })),
});

const EVERY_FIELD = `query Every($msisdn: MSISDN!) {
  subscriber(msisdn: $msisdn) {
    msisdn
    country
    status { code assetType description }
    plan ${PLAN}
    availablePlans ${PLAN}
    planUpgrades ${PLAN}
    upgradeRequest { status message }
    offers ${OFFER}
    favorites ${FAVORITE}
    phoneLease ${LEASE}
    usage { hourlyByApp ${HOURLY} percentageByApp ${SHARES} }
  }
}`;

interface Everything {
  msisdn: string;
  country: string;
  status: Obj;
  plan: ReturnType<typeof planOf>;
  availablePlans: ReturnType<typeof planOf>[];
  planUpgrades: ReturnType<typeof planOf>[];
  upgradeRequest: Obj | null;
  offers: ReturnType<typeof offerOf>[];
  favorites: ReturnType<typeof favoriteOf>[];
  phoneLease: ReturnType<typeof leaseOf> | null;
  usage: { hourlyByApp: ReturnType<typeof hourlyOf>; percentageByApp: ReturnType<typeof sharesOf> };
}

const codes = (res: GraphQLAnswer<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

describe('gateway reads: every field of a line matches the sandbox', () => {
  it('answers every Subscriber field of the active demo line as the sandbox has it', async () => {
    const msisdn = demo().active.msisdn;
    const res = await s.gql<Sub<Everything>>(EVERY_FIELD, { msisdn });
    expect(res.errors).toBeUndefined();
    const line = res.data?.subscriber as Everything;

    const [status, plan, all, upgrades, offers, favorites, lease, hourly, shares] = await Promise.all([
      wire<Status>('GetStatusOfSubscriberByMSISDN', msisdn),
      wire<Plan>('GetCurrentPlanDetailsbyMSISDN', msisdn),
      wire<Plan[]>('GetAvailablePlansbyMSISDN', msisdn),
      wire<Plan[]>('GetAvailablePlansUpgradesbyMSISDN', msisdn),
      wire<Offer[]>('GetAvailableOffersByMSISDN', msisdn),
      wire<FavoriteNumber[]>('GetFavoriteNumbersByMSISDN', msisdn),
      wire<PhoneLeaseInfo>('GetPhoneLeaseDetailsbyMSISDN', msisdn),
      wire<UsagePerHourResponse>('GetDataUsageByMSISDNPerHourAndApp', msisdn),
      wire<UsagePercentageResponse>('GetDataUsagePercentageByMSISDNPerApp', msisdn),
    ]);
    const upgrade = await s.upstream.call('GetUpgradeStatusbyMSISDN', { msisdn });
    expect(upgrade.status, 'the active line has no upgrade request').toBe(404);

    expect(line.msisdn).toBe(msisdn);
    expect(line.country).toBe('HN');
    expect(line.status).toEqual(statusOf(status));
    expect(line.status).toMatchObject({ code: 'ACTIVE', assetType: 'SIM_IMEI' });
    expect(line.plan).toEqual(planOf(plan));
    expect(line.plan.offerings.map((o) => o.category)).toEqual(['VOICE', 'DATA']);
    expect(line.availablePlans).toEqual(all.map(planOf));
    expect(line.planUpgrades).toEqual(upgrades.map(planOf));
    expect(line.upgradeRequest).toBeNull();
    expect(line.offers).toEqual(offers.map(offerOf));
    expect(line.offers.some((o) => o.acquisitionMethods.length === 2)).toBe(true);
    expect(line.favorites).toEqual(favorites.map(favoriteOf));
    expect(line.favorites).toHaveLength(2);
    expect(line.phoneLease).toEqual(leaseOf(lease));
    expect(line.usage.hourlyByApp).toEqual(hourlyOf(hourly));
    expect(line.usage.hourlyByApp.records.length).toBeGreaterThan(0);
    expect(line.usage.percentageByApp).toEqual(sharesOf(shares));
    expect(line.usage.percentageByApp.records.every((r) => typeof r.percentage === 'number')).toBe(true);
    expect(line.usage.percentageByApp.records.every((r) => r.hour !== null)).toBe(true);
  });

  it('maps the status of the blocked and device-blocked lines', async () => {
    const query = `query($m: MSISDN!) { subscriber(msisdn: $m) { status { code assetType description } } }`;
    for (const name of ['blocked', 'deviceBlocked'] as const) {
      const msisdn = demo()[name].msisdn;
      const res = await s.gql<Sub<{ status: Obj }>>(query, { m: msisdn });
      expect(res.errors).toBeUndefined();
      expect(res.data?.subscriber?.status).toEqual(
        statusOf(await wire<Status>('GetStatusOfSubscriberByMSISDN', msisdn)),
      );
      expect(res.data?.subscriber?.status).toMatchObject({
        code: 'BLOCKED',
        assetType: name === 'blocked' ? 'SIM_IMEI' : 'IMEI',
      });
    }
  });
});

describe('gateway reads: plans, offers, upgrade request, lease', () => {
  const PLAN_TYPES = ['UPGRADES', 'DOWNGRADES', 'RETENTION', 'ADDITIONAL', 'NEW'] as const;

  it.each(PLAN_TYPES)(
    'availablePlans(type: %s) is the sandbox catalog filtered by that type',
    async (type) => {
      const msisdn = demo().active.msisdn;
      const res = await s.gql<Sub<{ availablePlans: Obj[] }>>(
        `query($m: MSISDN!, $t: PlanType) { subscriber(msisdn: $m) { availablePlans(type: $t) ${PLAN} } }`,
        { m: msisdn, t: type },
      );
      expect(res.errors).toBeUndefined();
      const expected = await wire<Plan[]>('GetAvailablePlansbyMSISDN', msisdn, {
        planType: type.toLowerCase(),
      });
      expect(expected.length, 'the filter keeps some plans').toBeGreaterThan(0);
      expect(res.data?.subscriber?.availablePlans).toEqual(expected.map(planOf));
    },
  );

  it('availablePlans with a type calls the upstream with it, once', async () => {
    const msisdn = demo().active.msisdn;
    await s.gql(`query($m: MSISDN!) { subscriber(msisdn: $m) { availablePlans(type: RETENTION) { id } } }`, {
      m: msisdn,
    });
    expect(await s.upstreamCalls()).toEqual({
      GetStatusOfSubscriberByMSISDN: 1,
      GetAvailablePlansbyMSISDN: 1,
    });
  });

  it('availablePlans without a type is the whole market catalog, and differs from every filter', async () => {
    const msisdn = demo().active.msisdn;
    const res = await s.gql<Sub<{ all: Obj[]; retention: Obj[] }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { all: availablePlans ${PLAN} retention: availablePlans(type: RETENTION) { id } } }`,
      { m: msisdn },
    );
    const calls = await s.upstreamCalls();
    expect(res.errors).toBeUndefined();
    const all = await wire<Plan[]>('GetAvailablePlansbyMSISDN', msisdn);
    expect(res.data?.subscriber?.all).toEqual(all.map(planOf));
    expect(res.data?.subscriber?.all).toHaveLength(8);
    expect(res.data?.subscriber?.retention?.length).toBeLessThan(all.length);
    expect(calls).toEqual({ GetStatusOfSubscriberByMSISDN: 1, GetAvailablePlansbyMSISDN: 2 });
  });

  it('planUpgrades equals availablePlans(type: UPGRADES), and both together cost ONE upstream call', async () => {
    const msisdn = demo().active.msisdn;
    const res = await s.gql<Sub<{ planUpgrades: Obj[]; availablePlans: Obj[] }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { planUpgrades ${PLAN} availablePlans(type: UPGRADES) ${PLAN} } }`,
      { m: msisdn },
    );
    const calls = await s.upstreamCalls();
    expect(res.errors).toBeUndefined();
    const line = res.data?.subscriber;
    expect(line?.planUpgrades?.length).toBeGreaterThan(0);
    expect(line?.planUpgrades).toEqual(line?.availablePlans);
    expect(line?.planUpgrades).toEqual(
      (await wire<Plan[]>('GetAvailablePlansUpgradesbyMSISDN', msisdn)).map(planOf),
    );
    expect(calls.GetAvailablePlansUpgradesbyMSISDN).toBe(1);
    expect(calls.GetAvailablePlansbyMSISDN).toBeUndefined();
    expect(calls).toEqual({ GetStatusOfSubscriberByMSISDN: 1, GetAvailablePlansUpgradesbyMSISDN: 1 });
  });

  it('offers(channelId: 2) is the channel-2 catalog, different from the default channel 4', async () => {
    const msisdn = demo().active.msisdn;
    const res = await s.gql<Sub<{ sms: Obj[]; web: Obj[]; four: Obj[] }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { sms: offers(channelId: 2) ${OFFER} web: offers ${OFFER} four: offers(channelId: 4) { id } } }`,
      { m: msisdn },
    );
    const calls = await s.upstreamCalls();
    expect(res.errors).toBeUndefined();
    const line = res.data?.subscriber;
    const sms = await wire<Offer[]>('GetAvailableOffersByMSISDN', msisdn, { channelId: '2' });
    const web = await wire<Offer[]>('GetAvailableOffersByMSISDN', msisdn, { channelId: '4' });
    expect(line?.sms).toEqual(sms.map(offerOf));
    expect(line?.web).toEqual(web.map(offerOf));
    expect(line?.sms).not.toEqual(line?.web);
    expect(line?.four?.map((o) => o.id)).toEqual(web.map((o) => `hn:${o.OfferId}`));
    // the default and an explicit 4 are one read
    expect(calls).toEqual({ GetStatusOfSubscriberByMSISDN: 1, GetAvailableOffersByMSISDN: 2 });
  });

  it('upgradeRequest is null without an error for a line with none', async () => {
    const res = await s.gql<Sub<{ msisdn: string; upgradeRequest: Obj | null }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { msisdn upgradeRequest { status message } } }`,
      { m: demo().active.msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscriber).toEqual({ msisdn: demo().active.msisdn, upgradeRequest: null });
    expect((await s.upstreamCalls()).GetUpgradeStatusbyMSISDN).toBe(1);
  });

  it('upgradeRequest is PENDING, with the sandbox message, for the pendingUpgrade line', async () => {
    const msisdn = demo().pendingUpgrade.msisdn;
    const res = await s.gql<Sub<{ upgradeRequest: Obj | null }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { upgradeRequest { status message } } }`,
      { m: msisdn },
    );
    expect(res.errors).toBeUndefined();
    const body = await wire<SuccessBody>('GetUpgradeStatusbyMSISDN', msisdn);
    expect(res.data?.subscriber?.upgradeRequest).toEqual({ status: 'PENDING', message: body.message });
  });

  it('phoneLease is null with NO error for the noLease line, and the rest of the line arrives', async () => {
    const msisdn = demo().noLease.msisdn;
    const res = await s.gql<Sub<{ msisdn: string; phoneLease: Obj | null; plan: Obj }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { msisdn phoneLease ${LEASE} plan { planId } } }`,
      { m: msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscriber).toEqual({ msisdn, phoneLease: null, plan: { planId: '802' } });
    expect((await s.upstream.call('GetPhoneLeaseDetailsbyMSISDN', { msisdn })).status).toBe(404);
  });
});

describe('gateway reads: usage', () => {
  const from = hourIso(NOW - 30 * HOUR);
  const to = hourIso(NOW - 2 * HOUR);
  const USAGE = `query($m: MSISDN!, $from: DateTime, $to: DateTime, $r: UsageResolution) {
    subscriber(msisdn: $m) {
      usage {
        hourlyByApp(from: $from, to: $to) ${HOURLY}
        percentageByApp(from: $from, to: $to, resolution: $r) ${SHARES}
      }
    }
  }`;
  type Usage = Sub<{
    usage: { hourlyByApp: ReturnType<typeof hourlyOf>; percentageByApp: ReturnType<typeof sharesOf> };
  }>;

  it.each(['HOUR', 'DAY'] as const)(
    'from/to with resolution %s: records match the sandbox window',
    async (r) => {
      const msisdn = demo().active.msisdn;
      const res = await s.gql<Usage>(USAGE, { m: msisdn, from, to, r });
      expect(res.errors).toBeUndefined();
      const usage = res.data?.subscriber?.usage;
      const hourly = await wire<UsagePerHourResponse>('GetDataUsageByMSISDNPerHourAndApp', msisdn, {
        startDate: from,
        endDate: to,
      });
      const shares = await wire<UsagePercentageResponse>('GetDataUsagePercentageByMSISDNPerApp', msisdn, {
        startDate: from,
        endDate: to,
        resolution: r,
      });
      expect(usage?.hourlyByApp).toEqual(hourlyOf(hourly));
      expect(usage?.percentageByApp).toEqual(sharesOf(shares));
      // the window is really the one asked for: 28 completed hours, from `from`
      const hours = new Set(usage?.hourlyByApp.records.map((x) => `${x.date}T${x.hour}`));
      expect(hours.size).toBe(28);
      expect([...hours].sort()[0]).toBe(from.slice(0, 13));
      if (r === 'DAY') {
        expect(usage?.percentageByApp.records.every((x) => x.hour === null)).toBe(true);
        const days = new Set(usage?.percentageByApp.records.map((x) => x.date));
        expect(days.size).toBeLessThanOrEqual(3);
      } else {
        expect(usage?.percentageByApp.records.every((x) => /^\d{2}$/.test(String(x.hour)))).toBe(true);
      }
    },
  );

  it('percentageByApp defaults to HOUR, and DAY differs from it', async () => {
    const msisdn = demo().active.msisdn;
    const res = await s.gql<Sub<{ usage: { def: Obj; hour: Obj; day: Obj } }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { usage {
        def: percentageByApp ${SHARES} hour: percentageByApp(resolution: HOUR) ${SHARES} day: percentageByApp(resolution: DAY) ${SHARES}
      } } }`,
      { m: msisdn },
    );
    const calls = await s.upstreamCalls();
    expect(res.errors).toBeUndefined();
    const usage = res.data?.subscriber?.usage;
    expect(usage?.def).toEqual(usage?.hour);
    expect(usage?.day).not.toEqual(usage?.hour);
    expect(usage?.day).toEqual(
      sharesOf(await wire('GetDataUsagePercentageByMSISDNPerApp', msisdn, { resolution: 'DAY' })),
    );
    expect(calls.GetDataUsagePercentageByMSISDNPerApp).toBe(2);
  });

  it('heavyUser byte counts above 2^31 come through exact', async () => {
    const msisdn = demo().heavyUser.msisdn;
    const query = `query($m: MSISDN!, $from: DateTime, $to: DateTime) {
      subscriber(msisdn: $m) { usage {
        hourlyByApp(from: $from, to: $to) { totalBytes records { date hour appName bytes } }
        percentageByApp(from: $from, to: $to, resolution: DAY) { records { date appName bytes } }
      } }
    }`;
    const raw = await s.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { m: msisdn, from, to } }),
    });
    const text = await raw.text();
    const res = JSON.parse(text) as {
      data: Usage & {
        subscriber: { usage: { hourlyByApp: { totalBytes: number; records: { bytes: number }[] } } };
      };
      errors?: unknown;
    };
    expect(res.errors).toBeUndefined();
    const hourly = await wire<UsagePerHourResponse>('GetDataUsageByMSISDNPerHourAndApp', msisdn, {
      startDate: from,
      endDate: to,
    });
    const upstreamBytes = (hourly.trafficDetails ?? []).map((r) => r.trafficVolumeBytes as number);
    const big = upstreamBytes.filter((b) => b > 2 ** 31);
    expect(big.length, 'the sandbox has app-hours above 2^31').toBeGreaterThan(0);

    const usage = res.data.subscriber.usage;
    expect(usage.hourlyByApp.records.map((r) => r.bytes)).toEqual(upstreamBytes);
    expect(usage.hourlyByApp.totalBytes).toBe(hourly.totalVolumeBytes);
    expect(usage.hourlyByApp.totalBytes).toBeGreaterThan(2 ** 32);
    // exact integers in the JSON text, not floats or strings
    for (const b of big.slice(0, 5)) expect(text).toContain(`"bytes":${b}`);
    expect(text).toContain(`"totalBytes":${hourly.totalVolumeBytes}`);

    const shares = await wire<UsagePercentageResponse>('GetDataUsagePercentageByMSISDNPerApp', msisdn, {
      startDate: from,
      endDate: to,
      resolution: 'DAY',
    });
    expect(res.data.subscriber?.usage.percentageByApp.records.map((r) => r.bytes)).toEqual(
      (shares.trafficDetails ?? []).map((r) => r.trafficVolumeBytes),
    );
  });
});

describe('gateway reads: subscribers(msisdns:)', () => {
  const LIST = `query($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn status { code assetType } plan { id } } }`;
  type List = { subscribers: ({ msisdn: string; status: Obj; plan: Obj } | null)[] };

  it('answers the lines in the order asked', async () => {
    const ms = [
      demo().blocked.msisdn,
      demo().active.msisdn,
      demo().noLease.msisdn,
      demo().deviceBlocked.msisdn,
    ];
    const res = await s.gql<List>(LIST, { ms });
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscribers.map((l) => l?.msisdn)).toEqual(ms);
    expect(res.data?.subscribers.map((l) => l?.status)).toEqual([
      { code: 'BLOCKED', assetType: 'SIM_IMEI' },
      { code: 'ACTIVE', assetType: 'SIM_IMEI' },
      { code: 'ACTIVE', assetType: 'SIM_IMEI' },
      { code: 'BLOCKED', assetType: 'IMEI' },
    ]);
  });

  it('an unknown MSISDN in the middle is null with exactly one NOT_FOUND error at its index', async () => {
    const ms = [demo().active.msisdn, demo().blocked.msisdn, UNKNOWN, demo().noLease.msisdn];
    const res = await s.gql<List>(LIST, { ms });
    expect(res.data?.subscribers).toHaveLength(4);
    expect(res.data?.subscribers[2]).toBeNull();
    expect(res.data?.subscribers.map((l) => l?.msisdn ?? null)).toEqual([ms[0], ms[1], null, ms[3]]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.path).toEqual(['subscribers', 2]);
  });

  it('the same MSISDN twice (in two spellings) costs one call per resource', async () => {
    const msisdn = demo().active.msisdn;
    const res = await s.gql<List>(
      `query($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn status { code } plan { id } favorites { phoneNumber } } }`,
      { ms: [msisdn, '+504 9123-4567', msisdn] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscribers).toHaveLength(3);
    expect(res.data?.subscribers[0]).toEqual(res.data?.subscribers[1]);
    expect(res.data?.subscribers[2]).toEqual(res.data?.subscribers[1]);
    expect(await s.upstreamCalls()).toEqual({
      GetStatusOfSubscriberByMSISDN: 1,
      GetCurrentPlanDetailsbyMSISDN: 1,
      GetFavoriteNumbersByMSISDN: 1,
    });
  });

  it('takes up to the default limit of 20, and refuses 21 with BAD_USER_INPUT before any upstream call', async () => {
    const msisdn = demo().active.msisdn;
    const ok = await s.gql<List>(LIST, { ms: Array(20).fill(msisdn) });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.subscribers).toHaveLength(20);
    await settle();
    await s.resetUpstreamCalls();

    const res = await s.gql<List>(LIST, { ms: Array(21).fill(msisdn) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data?.subscribers ?? null).toBeNull();
    await settle();
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('honours a configured limit (maxSubscribers: 2): three lines are BAD_USER_INPUT and zero upstream calls', async () => {
    const small = await startStack({ config: { limits: { maxSubscribers: 2 } } });
    try {
      const a = small.upstream.demo.active.msisdn;
      const b = small.upstream.demo.blocked.msisdn;
      const two = await small.gql<List>(LIST, { ms: [a, b] });
      expect(two.errors).toBeUndefined();
      expect(two.data?.subscribers.map((l) => l?.msisdn)).toEqual([a, b]);
      await settle(small);
      await small.resetUpstreamCalls();

      const three = await small.gql<List>(LIST, { ms: [a, b, a] });
      expect(codes(three)).toEqual(['BAD_USER_INPUT']);
      expect(three.errors?.[0]?.message).toMatch(/at most 2/);
      await settle(small);
      expect(await small.upstreamCalls()).toEqual({});
    } finally {
      await small.close();
    }
  });
});

describe('gateway reads: an unknown MSISDN', () => {
  const SELECTIONS = [
    '{ msisdn }',
    '{ __typename }',
    '{ status { code } }',
    '{ plan { id } favorites { phoneNumber } }',
    '{ phoneLease { brand } upgradeRequest { status } }',
    '{ usage { hourlyByApp { totalBytes } percentageByApp(resolution: DAY) { lastUpdatedAt } } }',
    `{ msisdn country status { code } plan ${PLAN} availablePlans { id } planUpgrades { id } offers(channelId: 2) { id } }`,
  ];

  it.each(SELECTIONS)(
    'subscriber is null with exactly ONE NOT_FOUND error at [subscriber]: %s',
    async (sel) => {
      const res = await s.gql<Sub>(`query($m: MSISDN!) { subscriber(msisdn: $m) ${sel} }`, { m: UNKNOWN });
      expect(res.data).toEqual({ subscriber: null });
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.path).toEqual(['subscriber']);
    },
  );

  const FOUR = `query($m: MSISDN!) { subscriber(msisdn: $m) { status { code } plan { id } favorites { phoneNumber } offers { id } } }`;
  const ONE_EACH = {
    GetStatusOfSubscriberByMSISDN: 1,
    GetCurrentPlanDetailsbyMSISDN: 1,
    GetFavoriteNumbersByMSISDN: 1,
    GetAvailableOffersByMSISDN: 1,
  };

  it('started the other reads in parallel with the status check: the sandbox saw one call each before it answered', async () => {
    // the status answer is held back, so every read that was started with it reaches the sandbox
    // first; a gateway that waited for the status before reading the rest would show only the status
    await s.setFaults({ operations: { GetStatusOfSubscriberByMSISDN: { latencyMs: 200 } } });
    const res = await s.gql<Sub>(FOUR, { m: UNKNOWN });
    expect(res.data).toEqual({ subscriber: null });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(await s.upstreamCalls()).toEqual(ONE_EACH);
  });

  it('without latency, the prefetched reads still amount to one call each', async () => {
    const res = await s.gql<Sub>(FOUR, { m: UNKNOWN });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    await settle();
    expect(await s.upstreamCalls()).toEqual(ONE_EACH);
  });
});

describe('gateway reads: the prefetch reads what is asked, once', () => {
  it('prefetches fields reached through named and inline fragments, one call each', async () => {
    const res = await s.gql<Sub<Obj>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { ...Plan ... on Subscriber { favorites { phoneNumber } plan { name } } } }
       fragment Plan on Subscriber { plan { id } usage { ... on Usage { percentageByApp(resolution: DAY) { lastUpdatedAt } } } }`,
      { m: demo().active.msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscriber).toMatchObject({ plan: { id: 'hn:802', name: 'Plan Conecta 5GB' } });
    expect(await s.upstreamCalls()).toEqual({
      GetStatusOfSubscriberByMSISDN: 1,
      GetCurrentPlanDetailsbyMSISDN: 1,
      GetFavoriteNumbersByMSISDN: 1,
      GetDataUsagePercentageByMSISDNPerApp: 1,
    });
  });

  // Fields a client excludes with @skip / @include are not prefetched either.
  it('does not read fields excluded with @skip / @include', async () => {
    const res = await s.gql<Sub<Obj>>(
      `query($m: MSISDN!, $no: Boolean!) { subscriber(msisdn: $m) {
        msisdn favorites @include(if: $no) { phoneNumber } offers @skip(if: true) { id }
        ... on Subscriber @skip(if: true) { phoneLease { brand } }
      } }`,
      { m: demo().active.msisdn, no: false },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscriber).toEqual({ msisdn: demo().active.msisdn });
    await settle();
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 });
  });
});

describe('gateway reads: the MSISDN, DateTime and Date scalars', () => {
  const MSISDN_OF = `query($m: MSISDN!) { subscriber(msisdn: $m) { msisdn } }`;

  it.each(['+504 9123-4567', '504.9123.4567', '(504) 91234567', ' 50491234567 '])(
    'normalises %j to its digits',
    async (input) => {
      expect(demo().active.msisdn).toBe('50491234567');
      const asVariable = await s.gql<Sub>(MSISDN_OF, { m: input });
      expect(asVariable.errors).toBeUndefined();
      expect(asVariable.data?.subscriber).toEqual({ msisdn: '50491234567' });
      const asLiteral = await s.gql<Sub>(`{ subscriber(msisdn: ${JSON.stringify(input)}) { msisdn } }`);
      expect(asLiteral.errors).toBeUndefined();
      expect(asLiteral.data?.subscriber).toEqual({ msisdn: '50491234567' });
    },
  );

  const GARBAGE = ['abc', '123', '+504 9988-7766-1234-5678', ''];

  it.each(GARBAGE)('refuses %j as a variable with BAD_USER_INPUT and no upstream call', async (input) => {
    const res = await s.gql<Sub>(MSISDN_OF, { m: input });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data ?? null).toBeNull();
    await settle();
    expect(await s.upstreamCalls()).toEqual({});
  });

  it.each(GARBAGE)('refuses %j as a literal with BAD_USER_INPUT and no upstream call', async (input) => {
    const res = await s.gql<Sub>(`{ subscriber(msisdn: ${JSON.stringify(input)}) { msisdn } }`);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data ?? null).toBeNull();
    await settle();
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('refuses a non-string MSISDN literal and a garbage MSISDN inside subscribers', async () => {
    const literal = await s.gql(`{ subscriber(msisdn: 50491234567) { msisdn } }`);
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    const list = await s.gql(`query($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn } }`, {
      ms: [demo().active.msisdn, 'abc'],
    });
    expect(codes(list)).toEqual(['BAD_USER_INPUT']);
    await settle();
    expect(await s.upstreamCalls()).toEqual({});
  });

  const BAD_DATE_TIMES = ['yesterday', '2026-11-26T15:00:00', '2026-11-26'];

  it.each(BAD_DATE_TIMES)(
    'refuses the DateTime %j, variable and literal, before any upstream call',
    async (input) => {
      const m = demo().active.msisdn;
      const asVariable = await s.gql(
        `query($m: MSISDN!, $f: DateTime) { subscriber(msisdn: $m) { usage { hourlyByApp(from: $f) { totalBytes } } } }`,
        { m, f: input },
      );
      expect(codes(asVariable)).toEqual(['BAD_USER_INPUT']);
      const asLiteral = await s.gql(
        `query($m: MSISDN!) { subscriber(msisdn: $m) { usage { percentageByApp(to: ${JSON.stringify(input)}) { lastUpdatedAt } } } }`,
        { m },
      );
      expect(codes(asLiteral)).toEqual(['BAD_USER_INPUT']);
      await settle();
      expect(await s.upstreamCalls()).toEqual({});
    },
  );

  // Impossible calendar dates and times are refused by the scalar, before any upstream call.
  it('refuses impossible calendar DateTimes (2026-02-30, 2026-04-31, 24:00) before any upstream call', async () => {
    const m = demo().active.msisdn;
    for (const f of ['2026-02-30T00:00:00Z', '2026-04-31T10:00:00Z', '2026-11-26T24:00:00Z']) {
      const res = await s.gql(
        `query($m: MSISDN!, $f: DateTime) { subscriber(msisdn: $m) { usage { hourlyByApp(from: $f, to: $f) { totalBytes } } } }`,
        { m, f },
      );
      expect(codes(res), f).toEqual(['BAD_USER_INPUT']);
      expect(res.data ?? null, `${f}: refused before execution`).toBeNull();
      await settle();
      expect(await s.upstreamCalls(), `${f}: no upstream call`).toEqual({});
    }
  });

  it('refuses a usage period that ends before it starts, without calling the usage operation', async () => {
    const res = await s.gql<Sub<Obj>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { msisdn usage {
        hourlyByApp(from: "2026-11-26T10:00:00Z", to: "2026-11-26T09:00:00Z") { totalBytes } } } }`,
      { m: demo().active.msisdn },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.path).toEqual(['subscriber', 'usage', 'hourlyByApp']);
    expect(res.data?.subscriber).toEqual({ msisdn: demo().active.msisdn, usage: { hourlyByApp: null } });
    await settle();
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 });
  });

  const BAD_DATES = ['yesterday', '2027-02-30', '2027-2-3', '2027-02-03T00:00:00Z'];

  it.each(BAD_DATES)('refuses the Date %j, variable and literal, before any upstream call', async (input) => {
    const m = demo().active.msisdn;
    const asVariable = await s.gql(
      `mutation($i: AddFavoriteInput!) { addFavorite(input: $i) { response } }`,
      { i: { msisdn: m, phoneNumber: '50499887766', expirationDate: input } },
    );
    expect(codes(asVariable)).toEqual(['BAD_USER_INPUT']);
    const asLiteral = await s.gql(
      `mutation { addFavorite(input: { msisdn: "${m}", phoneNumber: "50499887766", expirationDate: ${JSON.stringify(input)} }) { response } }`,
    );
    expect(codes(asLiteral)).toEqual(['BAD_USER_INPUT']);
    await settle();
    expect(await s.upstreamCalls()).toEqual({});
  });
});

describe('gateway reads: country', () => {
  const QUERY = `query($m: MSISDN!, $c: Country) { subscriber(msisdn: $m, country: $c) { msisdn country plan ${PLAN} status { code } } }`;

  it('reads a Guatemalan line under country: GT', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'gt');
    const res = await s.gql<Sub<{ country: string; plan: Obj }>>(QUERY, { m: msisdn, c: 'GT' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.subscriber?.country).toBe('GT');
    expect(res.data?.subscriber?.plan).toEqual(
      planIn('gt')(await wire<Plan>('GetCurrentPlanDetailsbyMSISDN', msisdn, undefined, 'gt')),
    );
    expect(res.data?.subscriber?.plan).toMatchObject({ currency: 'GTQ' });
  });

  it('a Honduran line asked under GT is null with NOT_FOUND', async () => {
    const res = await s.gql<Sub>(QUERY, { m: demo().active.msisdn, c: 'GT' });
    expect(res.data).toEqual({ subscriber: null });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors?.[0]?.path).toEqual(['subscriber']);
  });

  it('a Guatemalan line without a country is looked up in the default market (hn): NOT_FOUND', async () => {
    const res = await s.gql<Sub>(QUERY, { m: plainLine(s.upstream.sandbox, 'gt') });
    expect(res.data).toEqual({ subscriber: null });
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('the country field is the upper-case enum, for the default market and an explicit one', async () => {
    const res = await s.gql<{ a: Obj; b: Obj }>(
      `query($m: MSISDN!) { a: subscriber(msisdn: $m) { country } b: subscriber(msisdn: $m, country: HN) { country } }`,
      { m: demo().active.msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { country: 'HN' }, b: { country: 'HN' } });
    const lower = await s.gql(`{ subscriber(msisdn: "50491234567", country: hn) { country } }`);
    expect(codes(lower)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('gateway reads: correlation id', () => {
  const recent = async () =>
    (
      await s.upstream.request<{ operationId: string; correlationId: string | null }[]>(
        'GET',
        '/__sandbox/requests',
      )
    ).body;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('forwards the caller x-correlation-id on every upstream call', async () => {
    const res = await s.gql(
      DASHBOARD,
      { msisdn: demo().active.msisdn },
      { 'x-correlation-id': 'test-corr-1' },
    );
    expect(res.errors).toBeUndefined();
    const calls = await recent();
    expect(calls).toHaveLength(6);
    expect(calls.every((c) => c.correlationId === 'test-corr-1')).toBe(true);
  });

  it('without the header, the calls of one request share one generated id, and two requests differ', async () => {
    await s.gql(DASHBOARD, { msisdn: demo().active.msisdn });
    const first = await recent();
    expect(first).toHaveLength(6);
    const ids = new Set(first.map((c) => c.correlationId));
    expect(ids.size).toBe(1);
    const id = [...ids][0];
    expect(id).toMatch(UUID);

    await s.resetUpstreamCalls();
    await s.gql(DASHBOARD, { msisdn: demo().active.msisdn });
    const second = await recent();
    expect(second).toHaveLength(6);
    expect(new Set(second.map((c) => c.correlationId)).size).toBe(1);
    expect(second[0]?.correlationId).toMatch(UUID);
    expect(second[0]?.correlationId).not.toBe(id);
  });

  it('replaces an unusable header value with a generated id', async () => {
    await s.gql(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { plan { id } } }`,
      { m: demo().active.msisdn },
      { 'x-correlation-id': 'not a good id; drop table' },
    );
    const calls = await recent();
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => UUID.test(String(c.correlationId)))).toBe(true);
    expect(calls[0]?.correlationId).toBe(calls[1]?.correlationId);
  });
});

describe('gateway: landing page and production', () => {
  const embeddedConfig = (html: string) => {
    const m = /var embeddedSandboxConfig = (\{.*\});/.exec(html);
    return m ? (JSON.parse(m[1] as string) as { initialState: { document: string; variables: Obj } }) : null;
  };

  it('answers GET /graphql for a browser with Apollo Sandbox opened on the Dashboard query', async () => {
    const res = await s.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('embeddable-sandbox.cdn.apollographql.com');
    expect(html).toContain('new window.EmbeddedSandbox');
    const config = embeddedConfig(html);
    expect(config?.initialState.document).toBe(DASHBOARD);
    expect(config?.initialState.document).toContain('query Dashboard(');
    expect(config?.initialState.variables).toEqual({ msisdn: demo().active.msisdn, country: 'HN' });
  });

  it('in development, an error from an upstream failure carries a stacktrace', async () => {
    await s.setFaults({ operations: { GetCurrentPlanDetailsbyMSISDN: { errorRate: 1 } } });
    const res = await s.gql<Sub<{ msisdn: string; plan: Obj | null }>>(
      `query($m: MSISDN!) { subscriber(msisdn: $m) { msisdn plan { id } } }`,
      { m: demo().active.msisdn },
    );
    expect(res.data?.subscriber).toEqual({ msisdn: demo().active.msisdn, plan: null });
    expect(res.errors).toHaveLength(1);
    const error = res.errors?.[0];
    expect(error?.path).toEqual(['subscriber', 'plan']);
    expect(error?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(error?.extensions?.upstream).toEqual({ operation: 'GetCurrentPlanDetailsbyMSISDN', status: 500 });
    const stack = error?.extensions?.stacktrace as string[] | undefined;
    expect(Array.isArray(stack) && stack.length > 0).toBe(true);
  });

  describe('a production gateway', () => {
    let prod: Stack;
    beforeAll(async () => {
      prod = await startStack({ config: { production: true } });
    });
    afterAll(() => prod.close());

    it('does not show the Dashboard document (nor the demo line) on its landing page', async () => {
      const res = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      const html = await res.text();
      expect(html).not.toContain('query Dashboard');
      expect(html).not.toContain('Dashboard');
      expect(html).not.toContain(prod.upstream.demo.active.msisdn);
      expect(embeddedConfig(html)).toBeNull();
    });

    it('answers errors without stacktrace, for an upstream failure, an unknown line and bad input', async () => {
      await prod.setFaults({ operations: { GetCurrentPlanDetailsbyMSISDN: { errorRate: 1 } } });
      try {
        const failing = await prod.gql(`query($m: MSISDN!) { subscriber(msisdn: $m) { plan { id } } }`, {
          m: prod.upstream.demo.active.msisdn,
        });
        const unknown = await prod.gql(`{ subscriber(msisdn: "${UNKNOWN}") { msisdn } }`);
        const bad = await prod.gql(`{ subscriber(msisdn: "abc") { msisdn } }`);
        expect(codes(failing)).toEqual(['UPSTREAM_ERROR']);
        expect(codes(unknown)).toEqual(['NOT_FOUND']);
        expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
        for (const res of [failing, unknown, bad]) {
          for (const error of res.errors ?? []) {
            expect(error.extensions).not.toHaveProperty('stacktrace');
            expect(error.extensions).not.toHaveProperty('upstream');
          }
        }
      } finally {
        await prod.upstream.request('DELETE', '/__sandbox/faults');
      }
    });
  });
});
