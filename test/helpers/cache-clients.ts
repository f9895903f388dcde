// Real GraphQL clients with normalized caches (Apollo Client, urql graphcache) against a running
// gateway: one scenario for both. The kit's Dashboard of two lines in different markets, then every
// mutation of the kit, each checked on the cached dashboard (read from the cache alone) with no
// request but the mutation's, and no warning of the cache or the client on the console.
import { format } from 'node:util';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AddFavoriteDocument,
  CancelOfferDocument,
  ChangePlanDocument,
  type Country,
  DashboardDocument,
  type DashboardQuery,
  PlanOptionsDocument,
  PurchaseOfferDocument,
  RemoveFavoriteDocument,
  RequestAdditionalSubscriptionsDocument,
  RequestPlanUpgradeDocument,
  UpdateStatusDocument,
} from '../../kit/__generated__/graphql.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { type Stack, startStack } from './stack.ts';

/** What the scenario needs of a client. `from`: through the network (and into the cache), or the cache alone. */
export interface CacheClient {
  query<R, V>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    from: 'network' | 'cache',
  ): Promise<R | undefined>;
  mutate<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
}

/** fetch that records the operation name of every request it sends. */
export function recordingFetch(): { fetch: typeof fetch; sent: string[] } {
  const sent: string[] = [];
  const recording: typeof fetch = (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { operationName?: string };
    sent.push(body.operationName ?? '(anonymous)');
    return fetch(input, init);
  };
  return { fetch: recording, sent };
}

/** Everything written to console.warn and console.error until restored. */
export function consoleWarnings(): { messages: string[]; restore(): void } {
  const messages: string[] = [];
  const spies = (['warn', 'error'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      messages.push(`${level}: ${format(...args)}`);
    }),
  );
  const restore = () => {
    for (const spy of spies) spy.mockRestore();
  };
  return { messages, restore };
}

/** Active lines in no demo case, one in HN and one in GT, on the same plan (whose upstream id repeats across markets). */
export function linesInTwoMarkets(sandbox: Sandbox, skip = 0): { hn: string; gt: string; planId: string } {
  const demo = new Set(Object.values(sandbox.demo).map((d) => d.msisdn));
  const rows = sandbox.db
    .prepare(
      `SELECT a.msisdn AS hn, b.msisdn AS gt, a.plan_id AS planId
         FROM subscribers a JOIN subscribers b ON b.plan_id = a.plan_id AND b.country = 'gt'
        WHERE a.country = 'hn' AND a.plan_id IN ('801', '802', '803')
          AND a.sim_status = 'Active' AND a.imei_status = 'Active'
          AND b.sim_status = 'Active' AND b.imei_status = 'Active'
          AND NOT EXISTS (SELECT 1 FROM upgrade_requests u WHERE u.msisdn = a.msisdn AND u.status = 'PENDING')
          AND (SELECT count(*) FROM favorites f WHERE f.msisdn = a.msisdn) <= 3
        ORDER BY a.msisdn, b.msisdn`,
    )
    .all() as { hn: string; gt: string; planId: string }[];
  const free = rows.filter((r) => !demo.has(r.hn) && !demo.has(r.gt));
  const seen = new Set<string>();
  const distinct = free.filter((r) => !seen.has(r.hn) && !seen.has(r.gt) && seen.add(r.hn).add(r.gt));
  const pair = distinct[skip];
  if (!pair) throw new Error('no pair of HN and GT lines on one plan in the seed');
  return pair;
}

type Line = NonNullable<DashboardQuery['subscriber']>;

/**
 * The scenario, as a describe block: `connect` makes a client for the stack (the client under
 * test, configured with the kit's cache settings) over the given fetch.
 */
export function describeNormalizedCache(
  name: string,
  connect: (stack: Stack, fetch: typeof globalThis.fetch) => CacheClient | Promise<CacheClient>,
): void {
  describe(name, () => {
    let s: Stack;
    let client: CacheClient;
    let sent: string[];
    let warnings: ReturnType<typeof consoleWarnings>;
    let lines: ReturnType<typeof linesInTwoMarkets>;
    const hn = (): { msisdn: string; country: Country } => ({ msisdn: lines.hn, country: 'HN' });
    const gt = (): { msisdn: string; country: Country } => ({ msisdn: lines.gt, country: 'GT' });

    beforeAll(async () => {
      s = await startStack({ config: { limits: { rateLimit: 10_000 } } });
      lines = linesInTwoMarkets(s.upstream.sandbox);
      warnings = consoleWarnings();
      const recording = recordingFetch();
      sent = recording.sent;
      client = await connect(s, recording.fetch);
    });
    afterAll(async () => {
      warnings.restore();
      await s.close();
    });

    const cached = async (variables = hn()): Promise<Line> => {
      const data = await client.query(DashboardDocument, variables, 'cache');
      expect(data?.subscriber, 'the dashboard is whole in the cache').toBeTruthy();
      return data?.subscriber as Line;
    };
    /** Runs a mutation of the kit; the only request it sends is the mutation itself (no refetch). */
    const mutate = async <R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> => {
      const before = sent.length;
      const data = await client.mutate(document, variables);
      expect(sent.slice(before)).toHaveLength(1);
      return data;
    };

    it('loads the dashboards of an HN and a GT line on the same plan: each keeps its own plan and offers', async () => {
      const fromHn = (await client.query(DashboardDocument, hn(), 'network'))?.subscriber as Line;
      const fromGt = (await client.query(DashboardDocument, gt(), 'network'))?.subscriber as Line;
      expect(fromHn.id).toBe(`hn:${lines.hn}`);
      expect(fromGt.id).toBe(`gt:${lines.gt}`);
      // The same upstream plan and offers, priced in each market.
      expect(fromHn.plan).toMatchObject({ id: `hn:${lines.planId}`, planId: lines.planId, currency: 'HNL' });
      expect(fromGt.plan).toMatchObject({ id: `gt:${lines.planId}`, planId: lines.planId, currency: 'GTQ' });
      expect(fromHn.plan?.monthlyAmount).not.toBe(fromGt.plan?.monthlyAmount);
      const shared = (fromHn.offers ?? []).filter((o) => fromGt.offers?.some((g) => g.offerId === o.offerId));
      expect(shared.length).toBeGreaterThan(0);
      // The HN line read from the cache after the GT line was loaded is still the HN answer.
      expect(await cached(hn())).toEqual(fromHn);
      expect(await cached(gt())).toEqual(fromGt);
      expect(sent).toEqual(['Dashboard', 'Dashboard']);
    });

    it('UpdateStatus: the cached dashboard shows the blocked line, then the active one', async () => {
      const input = { msisdn: lines.hn, country: 'HN' as const };
      await mutate(UpdateStatusDocument, { input: { ...input, code: 'BLOCKED', assetType: 'SIM_IMEI' } });
      expect((await cached()).status).toMatchObject({ code: 'BLOCKED', assetType: 'SIM_IMEI' });
      await mutate(UpdateStatusDocument, { input: { ...input, code: 'ACTIVE', assetType: 'SIM_IMEI' } });
      expect((await cached()).status).toMatchObject({ code: 'ACTIVE', assetType: 'SIM_IMEI' });
    });

    it('AddFavorite and RemoveFavorite: the cached favorites gain the number, then lose it', async () => {
      const before = (await cached()).favorites ?? [];
      const added = await mutate(AddFavoriteDocument, {
        input: { msisdn: lines.hn, country: 'HN', phoneNumber: '+504 3377-1100', label: 'Cache' },
      });
      expect(added.addFavorite.userErrors).toEqual([]);
      expect((await cached()).favorites).toEqual([
        ...before,
        expect.objectContaining({ phoneNumber: '50433771100', label: 'Cache' }),
      ]);
      await mutate(RemoveFavoriteDocument, {
        input: { msisdn: lines.hn, country: 'HN', phoneNumber: '50433771100' },
      });
      expect((await cached()).favorites).toEqual(before);
    });

    it('PurchaseOffer, a refusal as data, CancelOffer: the cached offers stay the line’s own market’s', async () => {
      const offer = (await cached()).offers?.[0];
      expect(offer?.id).toMatch(/^hn:/);
      const input = { msisdn: lines.hn, country: 'HN' as const, offerId: offer?.id ?? '' };
      const bought = await mutate(PurchaseOfferDocument, { input });
      expect(bought.purchaseOffer).toMatchObject({ response: 'ACQUIRED', userErrors: [] });
      const again = await mutate(PurchaseOfferDocument, { input });
      expect(again.purchaseOffer).toMatchObject({ response: null, userErrors: [{ code: 'ALREADY_ACTIVE' }] });
      const cancelled = await mutate(CancelOfferDocument, { input });
      expect(cancelled.cancelOffer).toMatchObject({ response: 'DELETED', userErrors: [] });
      expect((await cached()).offers).toContainEqual(offer);
      expect((await cached(gt())).offers?.every((o) => o.id.startsWith('gt:'))).toBe(true);
    });

    it('RequestPlanUpgrade, then ChangePlan: the cached plan screen and dashboard follow', async () => {
      const options = await client.query(PlanOptionsDocument, { ...hn(), type: 'UPGRADES' }, 'network');
      const upgrade = options?.subscriber?.availablePlans?.[0];
      expect(upgrade?.monthlyAmount).toBeGreaterThan(options?.subscriber?.plan?.monthlyAmount ?? Infinity);
      const planOptions = () => client.query(PlanOptionsDocument, { ...hn(), type: 'UPGRADES' }, 'cache');

      await mutate(RequestPlanUpgradeDocument, { input: { ...hn(), planId: upgrade?.id ?? '' } });
      expect((await planOptions())?.subscriber?.upgradeRequest?.status).toBe('PENDING');

      await mutate(ChangePlanDocument, { input: { ...hn(), planId: upgrade?.planId ?? '' } });
      expect((await cached()).plan).toMatchObject({ id: upgrade?.id, monthlyAmount: upgrade?.monthlyAmount });
      expect((await planOptions())?.subscriber?.upgradeRequest).toBeNull();
      // The other market's line, on the plan of the same upstream id, did not move.
      expect((await cached(gt())).plan?.id).toBe(`gt:${lines.planId}`);
    });

    it('RequestAdditionalSubscriptions: the request is registered', async () => {
      const requested = await mutate(RequestAdditionalSubscriptionsDocument, {
        input: {
          ...hn(),
          planId: 'hn:236',
          planName: 'Linea Adicional 3GB',
          category: 'Linea Adicional',
          monthlyAmount: 200,
          currency: 'HNL',
          name: 'Karen Aguilar',
        },
      });
      expect(requested.requestAdditionalSubscriptions).toMatchObject({
        response: expect.stringMatching(/^\d+$/),
        userErrors: [],
        subscriber: { id: `hn:${lines.hn}` },
      });
    });

    it('printed no warning, of the cache or of the client, on the way', () => {
      expect(warnings.messages).toEqual([]);
    });
  });
}
