import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Plan, PlanAdditional, PlanType, SuccessBody } from '../../src/contract/wire.ts';
import { MARKETS, type Market, PLANS, type PlanSeed, price } from '../../src/sandbox/catalog.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
/** Plain hn lines with no upgrade request in process at start, one per writing test. */
let quiet: string[];

beforeAll(async () => {
  t = await startSandbox({ subscribers: 1000 });
  const lines: string[] = [];
  for (let skip = 0; ; skip++) {
    let msisdn: string;
    try {
      msisdn = plainLine(t.sandbox, 'hn', skip);
    } catch {
      break;
    }
    if (upgradeRows(msisdn).length === 0) lines.push(msisdn);
  }
  quiet = lines;
});
afterAll(() => t.close());

const market = (country: string): Market => MARKETS.find((m) => m.country === country) as Market;
const seedOf = (planId: string): PlanSeed => PLANS.find((p) => p.planId === planId) as PlanSeed;

/** A catalog plan as the wire should show it in a market. */
const wirePlan = (p: PlanSeed, country: string): Plan => ({
  planId: p.planId,
  planName: p.name,
  monthlyAmount: price(p.units, market(country)),
  planDataInMB: p.dataMb,
  currencyId: market(country).currency,
  status: 'ACTIVE',
  CategoryName: p.category,
  Rank: PLANS.indexOf(p),
  productOfferingList: p.offerings as Plan['productOfferingList'],
});

interface UpgradeRow {
  id: number;
  msisdn: string;
  plan_id: string;
  body: string;
  status: string;
}
function upgradeRows(msisdn: string): UpgradeRow[] {
  return t.sandbox.db
    .prepare('SELECT * FROM upgrade_requests WHERE msisdn = ? ORDER BY id')
    .all(msisdn) as unknown as UpgradeRow[];
}
function subscriptionRows(msisdn: string): { id: number; msisdn: string; body: string }[] {
  return t.sandbox.db
    .prepare('SELECT * FROM subscription_requests WHERE msisdn = ? ORDER BY id')
    .all(msisdn) as unknown as { id: number; msisdn: string; body: string }[];
}

const current = async (msisdn: string): Promise<Plan> => {
  const res = await t.call<Plan>('GetCurrentPlanDetailsbyMSISDN', { msisdn });
  expect(res.status).toBe(200);
  return res.body;
};
const available = async (msisdn: string, planType?: string, country = 'hn') =>
  t.call<Plan[] | ErrorBody>('GetAvailablePlansbyMSISDN', {
    country,
    msisdn,
    ...(planType !== undefined && { query: { planType } }),
  });
const ids = async (msisdn: string, planType?: string): Promise<string[]> => {
  const res = await available(msisdn, planType);
  expect(res.status).toBe(200);
  return (res.body as Plan[]).map((p) => p.planId);
};
const setPlan = (msisdn: string, planId: string, extra: Record<string, unknown> = {}) =>
  t.call<SuccessBody & ErrorBody>('UpdateCurrentPlanByMSISDN', { msisdn, body: { planId, ...extra } });
const requestUpgrade = (msisdn: string, planId: string) =>
  t.call<SuccessBody & ErrorBody>('CreateUpgradeRequestbyMSISDN', {
    msisdn,
    body: { planId, planName: PLANS.find((p) => p.planId === planId)?.name ?? 'Plan X', fromPlan: 'TigoApp' },
  });
const upgradeStatus = (msisdn: string) =>
  t.call<SuccessBody & ErrorBody>('GetUpgradeStatusbyMSISDN', { msisdn });

describe('sandbox: current plan', () => {
  it('gives the active demo line plan 802, priced in HNL', async () => {
    const plan = await current(t.demo.active.msisdn);
    expect(plan).toEqual(wirePlan(seedOf('802'), 'hn'));
    expect(plan).toMatchObject({ planId: '802', currencyId: 'HNL', monthlyAmount: 375 });
  });

  it('answers 404 for an unknown MSISDN and a line of another market', async () => {
    const unknown = await t.call<ErrorBody>('GetCurrentPlanDetailsbyMSISDN', { msisdn: '50400000001' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(404);
    const other = await t.call('GetCurrentPlanDetailsbyMSISDN', {
      country: 'gt',
      msisdn: t.demo.active.msisdn,
    });
    expect(other.status).toBe(404);
  });
});

describe('sandbox: available plans', () => {
  it('returns the whole market catalog without planType, in catalog order and local prices', async () => {
    const gt = plainLine(t.sandbox, 'gt', 0);
    const res = await available(gt, undefined, 'gt');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(PLANS.map((p) => wirePlan(p, 'gt')));
    for (const plan of res.body as Plan[]) expect(plan.currencyId).toBe('GTQ');
    expect((res.body as Plan[]).find((p) => p.planId === '863')?.monthlyAmount).toBe(480);

    const hn = await available(t.demo.active.msisdn);
    expect(hn.body).toEqual(PLANS.map((p) => wirePlan(p, 'hn')));
  });

  const cheaperThan802 = (p: PlanSeed) => p.base && p.units < 15;
  it.each<[PlanType, string[], (p: PlanSeed) => boolean]>([
    ['upgrades', ['803', '861', '862', '863'], (p) => p.base && p.units > 15],
    ['downgrades', ['801'], cheaperThan802],
    ['retention', ['803', '861'], (p) => p.retention && p.planId !== '802'],
    ['new', ['801', '862'], (p) => p.isNew && p.planId !== '802'],
    ['additional', ['236', '237'], (p) => p.additional],
  ])('filters planType=%s for a line on 802', async (planType, expectedIds, keep) => {
    const res = await available(t.demo.active.msisdn, planType);
    expect(res.status).toBe(200);
    expect((res.body as Plan[]).map((p) => p.planId)).toEqual(expectedIds);
    expect(res.body).toEqual(PLANS.filter(keep).map((p) => wirePlan(p, 'hn')));
  });

  it('answers the upgrades path with exactly the body of availableplans?planType=upgrades', async () => {
    const lines = [
      ['hn', t.demo.active.msisdn],
      ['sv', plainLine(t.sandbox, 'sv', 0)],
      ['co', plainLine(t.sandbox, 'co', 0)],
      ['pa', plainLine(t.sandbox, 'pa', 1)],
    ] as const;
    for (const [country, msisdn] of lines) {
      const upgrades = await t.call<Plan[]>('GetAvailablePlansUpgradesbyMSISDN', { country, msisdn });
      const filtered = await t.call<Plan[]>('GetAvailablePlansbyMSISDN', {
        country,
        msisdn,
        query: { planType: 'upgrades' },
      });
      expect(upgrades.status).toBe(200);
      expect(filtered.status).toBe(200);
      expect(upgrades.body).toEqual(filtered.body);
    }
    const active = await t.call<Plan[]>('GetAvailablePlansUpgradesbyMSISDN', {
      msisdn: t.demo.active.msisdn,
    });
    expect(active.body.map((p) => p.planId)).toEqual(['803', '861', '862', '863']);
  });

  it.each(['sideways', 'Upgrades', ''])('refuses planType=%j with 400', async (planType) => {
    const res = await available(t.demo.active.msisdn, planType);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: expect.stringMatching(/planType/) });
  });

  it('answers 404 for an unknown MSISDN', async () => {
    const res = await available('50400000001');
    expect(res.status).toBe(404);
    const upgrades = await t.call('GetAvailablePlansUpgradesbyMSISDN', { msisdn: '50400000001' });
    expect(upgrades.status).toBe(404);
  });
});

describe('sandbox: plan change', () => {
  it('changes the plan, GET current shows it and the upgrade and downgrade lists follow', async () => {
    const msisdn = quiet[0] as string;
    await setPlan(msisdn, '801');
    expect((await current(msisdn)).planId).toBe('801');
    expect(await ids(msisdn, 'upgrades')).toEqual(['802', '803', '861', '862', '863']);

    const res = await setPlan(msisdn, '862');
    expect(res.status).toBe(200);
    expect(res.body.response).toBe('UPDATED');
    expect(await current(msisdn)).toEqual(wirePlan(seedOf('862'), 'hn'));
    expect(await ids(msisdn, 'upgrades')).toEqual(['863']);
    expect(await ids(msisdn, 'downgrades')).toEqual(['801', '802', '803', '861']);
    expect(await ids(msisdn, 'new')).toEqual(['801', '802']);
    const row = t.sandbox.db.prepare('SELECT plan_id FROM subscribers WHERE msisdn = ?').get(msisdn);
    expect(row).toEqual({ plan_id: '862' });

    await setPlan(msisdn, '863');
    expect(await ids(msisdn, 'upgrades')).toEqual([]);
    expect((await t.call<Plan[]>('GetAvailablePlansUpgradesbyMSISDN', { msisdn })).body).toEqual([]);
  });

  it('answers 200 UNCHANGED for the plan the line is on', async () => {
    const msisdn = quiet[1] as string;
    await setPlan(msisdn, '803');
    const res = await setPlan(msisdn, '803');
    expect(res.status).toBe(200);
    expect(res.body.response).toBe('UNCHANGED');
    expect((await current(msisdn)).planId).toBe('803');
  });

  it.each([
    ['an unknown planId', '999'],
    ['an additional-line plan', '236'],
    ['another additional-line plan', '237'],
  ])('refuses %s with 404 and changes nothing', async (_, planId) => {
    const msisdn = quiet[2] as string;
    const before = await current(msisdn);
    const res = await setPlan(msisdn, planId);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: expect.stringContaining(planId) });
    expect(await current(msisdn)).toEqual(before);
  });

  it('refuses a body without planId with 400 and changes nothing', async () => {
    const msisdn = quiet[2] as string;
    const before = await current(msisdn);
    const res = await t.call<ErrorBody>('UpdateCurrentPlanByMSISDN', {
      msisdn,
      body: { planName: 'Todo Sin Limites Ilimitado', fromPlan: 'TigoApp' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/planId/);
    expect(await current(msisdn)).toEqual(before);
  });

  it('refuses to change the plan of a blocked line with 403', async () => {
    const msisdn = t.demo.blocked.msisdn;
    const res = await setPlan(msisdn, '803');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(403);
    expect((await current(msisdn)).planId).toBe('802');
    expect((await setPlan(msisdn, '802')).status).toBe(403);
    const upgrade = await t.call<ErrorBody>('CreateUpgradeRequestbyMSISDN', {
      msisdn,
      body: { planId: '863' },
    });
    expect(upgrade.status).toBe(403);
    expect((await upgradeStatus(msisdn)).status).toBe(404);
  });

  it('answers 404 for an unknown MSISDN', async () => {
    const res = await setPlan('50400000001', '803');
    expect(res.status).toBe(404);
  });
});

describe('sandbox: upgrade requests', () => {
  it('reports the request in process of the pendingUpgrade demo line', async () => {
    const res = await upgradeStatus(t.demo.pendingUpgrade.msisdn);
    expect(res.status).toBe(200);
    expect(res.body.response).toBe('PENDING');
    expect(res.body.message).toContain('863');
  });

  it('answers 404 for a line with no request in process, and for an unknown MSISDN', async () => {
    const res = await upgradeStatus(t.demo.active.msisdn);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(404);
    expect((await upgradeStatus('50400000001')).status).toBe(404);
  });

  it('registers a request for a dearer plan, and refuses a second one while it is in process', async () => {
    const msisdn = quiet[3] as string;
    await setPlan(msisdn, '801');
    expect((await upgradeStatus(msisdn)).status).toBe(404);

    const res = await requestUpgrade(msisdn, '862');
    expect(res.status).toBe(200);
    expect(res.body.response).toMatch(/^\d+$/);
    const rows = upgradeRows(msisdn);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: Number(res.body.response), plan_id: '862', status: 'PENDING' });
    expect(JSON.parse(rows[0]?.body as string)).toMatchObject({ planId: '862', fromPlan: 'TigoApp' });

    const status = await upgradeStatus(msisdn);
    expect(status.status).toBe(200);
    expect(status.body.response).toBe('PENDING');
    expect(status.body.message).toContain('862');

    const second = await requestUpgrade(msisdn, '863');
    expect(second.status).toBe(403);
    expect(second.body.code).toBe(403);
    expect(upgradeRows(msisdn)).toEqual(rows);
    expect((await current(msisdn)).planId).toBe('801');
  });

  it.each([
    ['a cheaper plan', '801'],
    ['the same plan', '803'],
  ])('refuses a request for %s with 403 and writes nothing', async (_, planId) => {
    const msisdn = quiet[4] as string;
    await setPlan(msisdn, '803');
    const res = await requestUpgrade(msisdn, planId);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(403);
    expect(upgradeRows(msisdn)).toEqual([]);
    expect((await upgradeStatus(msisdn)).status).toBe(404);
  });

  it.each([
    ['an unknown plan', '999'],
    ['an additional-line plan', '237'],
  ])('refuses a request for %s with 404 and writes nothing', async (_, planId) => {
    const msisdn = quiet[5] as string;
    const res = await requestUpgrade(msisdn, planId);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: expect.stringContaining(planId) });
    expect(upgradeRows(msisdn)).toEqual([]);
  });

  it('refuses a request without planId with 400', async () => {
    const msisdn = quiet[5] as string;
    const res = await t.call<ErrorBody>('CreateUpgradeRequestbyMSISDN', { msisdn, body: { planName: 'X' } });
    expect(res.status).toBe(400);
    expect(upgradeRows(msisdn)).toEqual([]);
  });

  it('completes the request in process when the plan changes', async () => {
    const msisdn = quiet[6] as string;
    await setPlan(msisdn, '801');
    expect((await requestUpgrade(msisdn, '862')).status).toBe(200);
    expect((await upgradeStatus(msisdn)).status).toBe(200);

    const change = await setPlan(msisdn, '862');
    expect(change.body.response).toBe('UPDATED');
    expect((await upgradeStatus(msisdn)).status).toBe(404);
    expect(upgradeRows(msisdn).map((r) => r.status)).toEqual(['COMPLETED']);

    // A new request is possible again once the previous one is completed.
    expect((await requestUpgrade(msisdn, '863')).status).toBe(200);
    expect(upgradeRows(msisdn).map((r) => r.status)).toEqual(['COMPLETED', 'PENDING']);
  });
});

describe('sandbox: subscription requests', () => {
  const valid = (): PlanAdditional => ({
    fromPlan: 'TigoApp',
    name: 'Karen Aguilar',
    email: 'karen@correo.example',
    planId: '236',
    planName: 'Linea Adicional 3GB',
    monthlyAmount: 200,
    currencyId: 'HNL',
    categoryName: 'Linea Adicional',
    AdditionalSubscriptionsList: [
      { planId: '237', planName: 'Linea Adicional Familiar 8GB', monthlyAmount: 300, currencyId: 'HNL' },
    ],
  });
  const subscribe = (msisdn: string, body: unknown) =>
    t.call<SuccessBody & ErrorBody>('CreateSubscriptionRequestsbyMSISDN', { msisdn, body });

  it('registers a valid request and stores its body', async () => {
    const msisdn = quiet[7] as string;
    const body = valid();
    const res = await subscribe(msisdn, body);
    expect(res.status).toBe(200);
    expect(res.body.response).toMatch(/^\d+$/);
    const rows = subscriptionRows(msisdn);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(Number(res.body.response));
    expect(JSON.parse(rows[0]?.body as string)).toEqual(body);
  });

  it.each(['name', 'planId', 'planName', 'monthlyAmount', 'currencyId', 'categoryName'] as const)(
    'refuses a request without %s with 400 and writes nothing',
    async (field) => {
      const msisdn = quiet[8] as string;
      const body: Partial<PlanAdditional> = valid();
      delete body[field];
      const res = await subscribe(msisdn, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(400);
      expect(res.body.message).toContain(field);
      expect(subscriptionRows(msisdn)).toEqual([]);
    },
  );

  it('refuses an unknown planId, in the list or at the top, with 404 and writes nothing', async () => {
    const msisdn = quiet[9] as string;
    const inList = valid();
    inList.AdditionalSubscriptionsList = [
      { planId: '237', planName: 'Linea Adicional Familiar 8GB' },
      { planId: '999', planName: 'Plan X' },
    ];
    const res = await subscribe(msisdn, inList);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: expect.stringContaining('999') });
    const top = await subscribe(msisdn, { ...valid(), planId: '998' });
    expect(top.status).toBe(404);
    expect(subscriptionRows(msisdn)).toEqual([]);
  });

  it('answers 404 for an unknown MSISDN and writes nothing', async () => {
    const res = await subscribe('50400000001', valid());
    expect(res.status).toBe(404);
    expect(subscriptionRows('50400000001')).toEqual([]);
  });
});
