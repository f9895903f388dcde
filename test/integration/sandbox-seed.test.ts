import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, FavoriteNumber, Status, SuccessBody } from '../../src/contract/wire.ts';
import { MARKETS, OFFERS, PLANS } from '../../src/sandbox/catalog.ts';
import { openDatabase } from '../../src/sandbox/db.ts';
import { DEMO_CASES, type DemoCase, FAVORITE_SLOTS, msisdnOf, seed } from '../../src/sandbox/seed.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

const TABLES = [
  'subscribers',
  'favorites',
  'leases',
  'upgrade_requests',
  'acquired_offers',
  'plans',
  'offers',
  'meta',
] as const;

const ORDER: Record<(typeof TABLES)[number], string> = {
  subscribers: 'msisdn',
  favorites: 'msisdn, phone_number',
  leases: 'msisdn',
  upgrade_requests: 'id',
  acquired_offers: 'msisdn, offer_id',
  plans: 'country, plan_id',
  offers: 'country, offer_id',
  meta: 'key',
};

const dump = (db: DatabaseSync, table: (typeof TABLES)[number]): unknown[] =>
  db.prepare(`SELECT * FROM ${table} ORDER BY ${ORDER[table]}`).all();
const count = (db: DatabaseSync, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let t: TestSandbox;
let twin: TestSandbox;
let larger: TestSandbox;
beforeAll(async () => {
  [t, twin, larger] = await Promise.all([
    startSandbox({ subscribers: 400 }),
    startSandbox({ subscribers: 400 }),
    startSandbox({ subscribers: 1200 }),
  ]);
});
afterAll(async () => {
  await Promise.all([t?.close(), twin?.close(), larger?.close()]);
});

describe('sandbox: deterministic seed', () => {
  it.each(TABLES)('seeds identical %s rows in two sandboxes of the same size', (table) => {
    const a = dump(t.sandbox.db, table);
    expect(a.length).toBeGreaterThan(0);
    expect(dump(twin.sandbox.db, table)).toEqual(a);
  });

  it('seeds the requested number of lines, and says so', async () => {
    expect(count(t.sandbox.db, 'subscribers')).toBe(400);
    expect(count(larger.sandbox.db, 'subscribers')).toBe(1200);
    expect(t.sandbox.subscribers).toBe(400);
    const health = await t.request('GET', '/__sandbox/health');
    expect(health.body).toEqual({ status: 'ok', subscribers: 400 });
  });

  it('starts a larger seed with the same lines as a smaller one', () => {
    const small = dump(t.sandbox.db, 'subscribers') as { msisdn: string }[];
    const inLarger = larger.sandbox.db.prepare('SELECT * FROM subscribers WHERE msisdn = ?');
    for (const row of small) expect(inLarger.get(row.msisdn)).toEqual(row);
    const msisdns = Array.from({ length: 400 }, (_, i) => msisdnOf(i).msisdn).sort();
    expect(small.map((r) => r.msisdn).sort()).toEqual(msisdns);

    const leases = larger.sandbox.db.prepare('SELECT * FROM leases WHERE msisdn = ?');
    for (const row of dump(t.sandbox.db, 'leases') as { msisdn: string }[])
      expect(leases.get(row.msisdn)).toEqual(row);
    const favorites = larger.sandbox.db.prepare(
      'SELECT * FROM favorites WHERE msisdn = ? ORDER BY phone_number',
    );
    const smallFavorites = dump(t.sandbox.db, 'favorites') as { msisdn: string }[];
    for (const msisdn of new Set(smallFavorites.map((f) => f.msisdn)))
      expect(favorites.all(msisdn)).toEqual(smallFavorites.filter((f) => f.msisdn === msisdn));
  });

  it('numbers lines with msisdnOf, a stable function of the index', () => {
    expect(msisdnOf(0)).toEqual(msisdnOf(0));
    expect(msisdnOf(0).msisdn).toBe(t.demo.active.msisdn);
    for (let i = 0; i < 64; i++) expect(msisdnOf(i).market).toBe(MARKETS[i % MARKETS.length]);
  });
});

describe('sandbox: MSISDNs and markets', () => {
  it('gives every line a unique, all-digit MSISDN of its market', () => {
    const rows = larger.sandbox.db.prepare('SELECT msisdn, country FROM subscribers').all() as {
      msisdn: string;
      country: string;
    }[];
    expect(new Set(rows.map((r) => r.msisdn)).size).toBe(rows.length);
    for (const { msisdn, country } of rows) {
      const market = MARKETS.find((m) => m.country === country);
      expect(market, `market of ${msisdn}`).toBeDefined();
      if (!market) continue;
      expect(msisdn).toMatch(/^\d+$/);
      expect(msisdn.startsWith(market.dialCode + market.mobilePrefix), `${msisdn} in ${country}`).toBe(true);
      expect(msisdn).toHaveLength(market.dialCode.length + market.nationalDigits);
    }
  });

  it('keeps msisdnOf unique far beyond the seed size', () => {
    const seen = new Set<string>();
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const { msisdn, market } = msisdnOf(i);
      seen.add(msisdn);
      if (i % 997 === 0) {
        expect(msisdn).toMatch(
          new RegExp(`^${market.dialCode}${market.mobilePrefix}\\d{${market.nationalDigits - 1}}$`),
        );
      }
    }
    expect(seen.size).toBe(n);
  });

  it('gives every market of MARKETS subscribers, and every market the whole catalog', () => {
    const byCountry = new Map(
      (
        larger.sandbox.db
          .prepare('SELECT country, count(*) AS n FROM subscribers GROUP BY country')
          .all() as {
          country: string;
          n: number;
        }[]
      ).map((r) => [r.country, r.n]),
    );
    expect([...byCountry.keys()].sort()).toEqual(MARKETS.map((m) => m.country).sort());
    for (const market of MARKETS) expect(byCountry.get(market.country)).toBe(1200 / MARKETS.length);
    expect(count(t.sandbox.db, 'plans')).toBe(MARKETS.length * PLANS.length);
    expect(count(t.sandbox.db, 'offers')).toBe(MARKETS.length * OFFERS.length);
  });

  it('answers for a line of each market in that market only', async () => {
    for (const [i, market] of MARKETS.entries()) {
      const msisdn = plainLine(t.sandbox, market.country, i);
      const own = await t.call<Status>('GetStatusOfSubscriberByMSISDN', { country: market.country, msisdn });
      expect(own.status, `${msisdn} in ${market.country}`).toBe(200);
      const other = MARKETS[(i + 1) % MARKETS.length]?.country as string;
      expect((await t.call('GetStatusOfSubscriberByMSISDN', { country: other, msisdn })).status).toBe(404);
    }
  });
});

describe('sandbox: demo lines', () => {
  it('lists every demo case with its MSISDN and market', async () => {
    const { status, body } = await t.request<Record<string, { msisdn: string; country: string }>>(
      'GET',
      '/__sandbox/demo',
    );
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(Object.keys(DEMO_CASES).sort());
    for (const [name, index] of Object.entries(DEMO_CASES)) {
      const { msisdn, market } = msisdnOf(index);
      expect(body[name], name).toEqual({ msisdn, country: market.country });
      expect(t.demo[name as DemoCase]).toEqual({ msisdn, country: market.country });
    }
    expect(new Set(Object.values(body).map((d) => d.msisdn)).size).toBe(Object.keys(DEMO_CASES).length);
  });

  it('keeps the demo numbers the README documents, all in Honduras', () => {
    expect(
      Object.fromEntries(Object.entries(t.demo).map(([name, d]) => [name, `${d.country} ${d.msisdn}`])),
    ).toEqual({
      active: 'hn 50491234567',
      blocked: 'hn 50491242486',
      noLease: 'hn 50491250405',
      favoritesFull: 'hn 50491258324',
      pendingUpgrade: 'hn 50491266243',
      heavyUser: 'hn 50491274162',
      deviceBlocked: 'hn 50491282081',
    });
  });

  it('lists only the demo cases a small seed holds', async () => {
    const small = await startSandbox({ subscribers: 20 });
    try {
      const { body } = await small.request<Record<string, unknown>>('GET', '/__sandbox/demo');
      const expected = Object.entries(DEMO_CASES)
        .filter(([, index]) => index < 20)
        .map(([name]) => name)
        .sort();
      expect(Object.keys(body).sort()).toEqual(expected);
      expect(expected).toEqual(['active', 'blocked', 'noLease']);
    } finally {
      await small.close();
    }
  });

  const line = (name: DemoCase) => {
    const demo = t.demo[name];
    return { msisdn: demo.msisdn, country: demo.country };
  };

  it('active: an active SIM and device, with a lease, free favorite slots and no upgrade in process', async () => {
    const status = await t.call<Status>('GetStatusOfSubscriberByMSISDN', line('active'));
    expect(status.body).toMatchObject({ code: 'Active', assetType: 'SIM_IMEI' });
    expect((await t.call('GetPhoneLeaseDetailsbyMSISDN', line('active'))).status).toBe(200);
    const favorites = await t.call<FavoriteNumber[]>('GetFavoriteNumbersByMSISDN', line('active'));
    expect(favorites.body).toHaveLength(2);
    const plan = await t.call<{ planId: string }>('GetCurrentPlanDetailsbyMSISDN', line('active'));
    expect(plan.body.planId).toBe('802');
    expect((await t.call('GetUpgradeStatusbyMSISDN', line('active'))).status).toBe(404);
  });

  it('blocked: SIM and device blocked', async () => {
    const { body } = await t.call<Status>('GetStatusOfSubscriberByMSISDN', line('blocked'));
    expect(body).toMatchObject({ code: 'Blocked', assetType: 'SIM_IMEI' });
  });

  it('noLease: no phone lease (404), otherwise an active line', async () => {
    const res = await t.call<ErrorBody>('GetPhoneLeaseDetailsbyMSISDN', line('noLease'));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(404);
    const status = await t.call<Status>('GetStatusOfSubscriberByMSISDN', line('noLease'));
    expect(status.body.code).toBe('Active');
  });

  it('favoritesFull: every favorite slot in use', async () => {
    const { status, body } = await t.call<FavoriteNumber[]>(
      'GetFavoriteNumbersByMSISDN',
      line('favoritesFull'),
    );
    expect(status).toBe(200);
    expect(body).toHaveLength(FAVORITE_SLOTS);
    expect(FAVORITE_SLOTS).toBe(5);
  });

  it('pendingUpgrade: an upgrade request in process', async () => {
    const res = await t.call<SuccessBody>('GetUpgradeStatusbyMSISDN', line('pendingUpgrade'));
    expect(res.status).toBe(200);
    expect(res.body.response).toBe('PENDING');
  });

  it('heavyUser: far more traffic than the active line', async () => {
    const total = async (name: DemoCase) =>
      (
        await t.call<{ totalVolumeBytes: number }>('GetDataUsageByMSISDNPerHourAndApp', {
          ...line(name),
        })
      ).body.totalVolumeBytes;
    expect(await total('heavyUser')).toBeGreaterThan(50 * (await total('active')));
  });

  it('deviceBlocked: the device (IMEI) blocked, the SIM active', async () => {
    const { body } = await t.call<Status>('GetStatusOfSubscriberByMSISDN', line('deviceBlocked'));
    expect(body).toMatchObject({ code: 'Blocked', assetType: 'IMEI' });
  });
});

describe('sandbox: file database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps changes across a restart on the same file, and does not reseed it', async () => {
    const path = join(dir, 'sandbox.db');
    const first = await startSandbox({ db: path, subscribers: 120 });
    let msisdn: string;
    let demo: TestSandbox['demo'];
    try {
      expect(first.sandbox.subscribers).toBe(120);
      msisdn = plainLine(first.sandbox, 'hn', 0);
      demo = first.demo;
      const put = await first.call<Status>('UpdateStatusOfSubscriberByMSISDN', {
        msisdn,
        body: { code: 'Blocked', assetType: 'SIM', updateReason: 'SIM perdida' },
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ code: 'Blocked', assetType: 'SIM' });
    } finally {
      await first.close();
    }

    const second = await startSandbox({ db: path, subscribers: 500 });
    try {
      expect(second.sandbox.subscribers).toBe(120);
      expect(count(second.sandbox.db, 'subscribers')).toBe(120);
      expect(count(second.sandbox.db, 'plans')).toBe(MARKETS.length * PLANS.length);
      expect((await second.request('GET', '/__sandbox/health')).body).toEqual({
        status: 'ok',
        subscribers: 120,
      });
      expect(second.demo).toEqual(demo);
      const status = await second.call<Status>('GetStatusOfSubscriberByMSISDN', { msisdn });
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ code: 'Blocked', assetType: 'SIM' });
      expect(status.body.description).toContain('SIM perdida');
    } finally {
      await second.close();
    }
  });

  it('clears an interrupted seed and seeds again on the next start', async () => {
    const path = join(dir, 'interrupted.db');
    const db = openDatabase(path);
    expect(() =>
      seed(db, 25_000, ({ done }) => {
        if (done >= 10_000) throw new Error('killed mid-seed');
      }),
    ).toThrow('killed mid-seed');
    expect(count(db, 'subscribers')).toBe(10_000);
    db.close();

    const again = await startSandbox({ db: path, subscribers: 25_000 });
    try {
      expect(again.sandbox.subscribers).toBe(25_000);
      expect(count(again.sandbox.db, 'subscribers')).toBe(25_000);
      expect(count(again.sandbox.db, 'plans')).toBe(MARKETS.length * PLANS.length);
    } finally {
      await again.close();
    }
  });
});
