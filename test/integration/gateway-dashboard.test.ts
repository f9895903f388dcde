import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

const DASHBOARD = readFileSync(new URL('../../operations/Dashboard.graphql', import.meta.url), 'utf8');

let s: Stack;
beforeAll(async () => {
  // The HTTP cache is off: these tests count the loaders' calls (the cache has tests of its own).
  s = await startStack({ config: { cache: false } });
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());

const SIX_READS = {
  GetStatusOfSubscriberByMSISDN: 1,
  GetCurrentPlanDetailsbyMSISDN: 1,
  GetAvailableOffersByMSISDN: 1,
  GetFavoriteNumbersByMSISDN: 1,
  GetPhoneLeaseDetailsbyMSISDN: 1,
  GetDataUsagePercentageByMSISDNPerApp: 1,
};

describe('gateway: the dashboard query', () => {
  it('answers every field for a demo line with one upstream call per resource', async () => {
    const res = await s.gql<{ subscriber: Record<string, unknown> }>(DASHBOARD, {
      msisdn: s.upstream.demo.active.msisdn,
    });
    expect(res.errors).toBeUndefined();
    const line = res.data?.subscriber;
    expect(line).toMatchObject({
      msisdn: s.upstream.demo.active.msisdn,
      country: 'HN',
      status: { code: 'ACTIVE', assetType: 'SIM_IMEI' },
      plan: { id: 'hn:802', planId: '802', currency: 'HNL' },
    });
    for (const field of ['offers', 'favorites', 'phoneLease', 'usage'])
      expect(line?.[field], field).toBeTruthy();
    expect(await s.upstreamCalls()).toEqual(SIX_READS);
  });

  it('makes no more upstream calls with the line twice under aliases', async () => {
    const inner = DASHBOARD.slice(DASHBOARD.indexOf('{', DASHBOARD.indexOf('subscriber(')));
    const twice = `query Twice($msisdn: MSISDN!) {
      a: subscriber(msisdn: $msisdn) ${inner.slice(0, inner.lastIndexOf('}'))}
      b: subscriber(msisdn: $msisdn, country: HN) ${inner.slice(0, inner.lastIndexOf('}'))}
    }`;
    const res = await s.gql<{ a: unknown; b: unknown }>(twice, {
      msisdn: `+${s.upstream.demo.active.msisdn}`,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.a).toEqual(res.data?.b);
    expect(await s.upstreamCalls()).toEqual(SIX_READS);
  });
});
