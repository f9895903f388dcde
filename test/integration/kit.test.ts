// The frontend kit: every operation of operations/*.graphql, called through its typed document
// (kit/__generated__, by graphql-codegen's client preset), so the kit cannot rot; and the same
// documents as the trusted-documents allowlist.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddFavoriteDocument,
  CancelOfferDocument,
  ChangePlanDocument,
  DashboardDocument,
  FavoritesDocument,
  LineStatusDocument,
  MeDocument,
  OffersDocument,
  PhoneLeaseDocument,
  PlanOptionsDocument,
  PurchaseOfferDocument,
  RemoveFavoriteDocument,
  RequestAdditionalSubscriptionsDocument,
  RequestPlanUpgradeDocument,
  UpdateStatusDocument,
  UsageDocument,
} from '../../kit/__generated__/graphql.ts';
import persisted from '../../kit/__generated__/persisted-documents.json' with { type: 'json' };
import { plainLine } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ config: { limits: { rateLimit: 10_000 } } });
});
afterAll(() => s.close());

/** Runs a typed document: variables and result are checked by the compiler against the kit's types. */
async function run<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  authorization?: string,
): Promise<R> {
  const answer = await s.gql<R>(
    print(document),
    variables as Record<string, unknown>,
    authorization ? { authorization } : {},
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as R;
}

describe('frontend kit: every operation through its typed document', () => {
  it('Dashboard', async () => {
    const data = await run(DashboardDocument, { msisdn: s.upstream.demo.active.msisdn });
    expect(data.subscriber?.status?.code).toBe('ACTIVE');
    expect(data.subscriber?.usage.percentageByApp?.records.length).toBeGreaterThan(0);
  });

  it('Me, with the subscriber token of the line', async () => {
    const { msisdn } = s.upstream.demo.active;
    const data = await run(MeDocument, {}, `Bearer ${await s.token({ msisdn })}`);
    expect(data.me?.msisdn).toBe(msisdn);
  });

  it('LineStatus and UpdateStatus', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 0);
    const blocked = await run(UpdateStatusDocument, {
      input: { msisdn, code: 'BLOCKED', assetType: 'IMEI' },
    });
    expect(blocked.updateStatus.status).toMatchObject({ code: 'BLOCKED', assetType: 'IMEI' });
    expect((await run(LineStatusDocument, { msisdn })).subscriber?.status?.assetType).toBe('IMEI');
    await run(UpdateStatusDocument, { input: { msisdn, code: 'ACTIVE', assetType: 'SIM_IMEI' } });
  });

  it('Favorites, AddFavorite and RemoveFavorite', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 1);
    const before = (await run(FavoritesDocument, { msisdn })).subscriber?.favorites ?? [];
    for (const f of before)
      await run(RemoveFavoriteDocument, { input: { msisdn, phoneNumber: f.phoneNumber } });
    const added = await run(AddFavoriteDocument, {
      input: { msisdn, phoneNumber: '+504 3333-4444', label: 'Casa' },
    });
    expect(added.addFavorite.subscriber.favorites).toEqual([
      {
        __typename: 'FavoriteNumber',
        phoneNumber: '50433334444',
        label: 'Casa',
        expirationDate: null,
        planCode: null,
      },
    ]);
    const removed = await run(RemoveFavoriteDocument, { input: { msisdn, phoneNumber: '50433334444' } });
    expect(removed.removeFavorite.subscriber.favorites).toEqual([]);
  });

  it('Offers, PurchaseOffer and CancelOffer', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 2);
    const offers = (await run(OffersDocument, { msisdn, channelId: 4 })).subscriber?.offers ?? [];
    expect(offers.map((o) => o.offerId)).toContain('202');
    expect(offers.map((o) => o.id)).toContain('hn:202');
    expect(
      (await run(PurchaseOfferDocument, { input: { msisdn, offerId: '202' } })).purchaseOffer.response,
    ).toBe('ACQUIRED');
    expect((await run(CancelOfferDocument, { input: { msisdn, offerId: '202' } })).cancelOffer.response).toBe(
      'DELETED',
    );
  });

  it('the plan change flow: PlanOptions, RequestPlanUpgrade, ChangePlan, RequestAdditionalSubscriptions', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 3);
    const options = await run(PlanOptionsDocument, { msisdn, type: 'UPGRADES' });
    const current = options.subscriber?.plan?.monthlyAmount ?? 0;
    const upgrade = options.subscriber?.availablePlans?.[0];
    expect(upgrade?.monthlyAmount).toBeGreaterThan(current);
    const requested = await run(RequestPlanUpgradeDocument, { input: { msisdn, planId: upgrade?.id ?? '' } });
    expect(requested.requestPlanUpgrade.subscriber.upgradeRequest?.status).toBe('PENDING');
    const changed = await run(ChangePlanDocument, { input: { msisdn, planId: upgrade?.id ?? '' } });
    expect(changed.changePlan.subscriber.plan?.id).toBe(upgrade?.id);
    expect(changed.changePlan.subscriber.upgradeRequest).toBeNull();
    const additional = await run(RequestAdditionalSubscriptionsDocument, {
      input: {
        msisdn,
        planId: '236',
        planName: 'Linea Adicional 3GB',
        category: 'Linea Adicional',
        monthlyAmount: 200,
        currency: 'HNL',
        name: 'Karen Aguilar',
      },
    });
    expect(additional.requestAdditionalSubscriptions.response).toMatch(/^\d+$/);
  });

  it('Usage and PhoneLease', async () => {
    const { msisdn } = s.upstream.demo.active;
    const usage = await run(UsageDocument, { msisdn, resolution: 'DAY' });
    expect(usage.subscriber?.usage.hourlyByApp?.records.length).toBeGreaterThan(0);
    expect((await run(PhoneLeaseDocument, { msisdn })).subscriber?.phoneLease?.imei).toMatch(/^\d{15}$/);
  });

  it('has one persisted document per operation of operations/, each keyed by its sha256', () => {
    const names = Object.values(persisted).map((text) => /^(query|mutation) (\w+)/.exec(text)?.[2]);
    expect(names.sort()).toEqual(
      [
        'AddFavorite',
        'CancelOffer',
        'ChangePlan',
        'Dashboard',
        'Favorites',
        'LineStatus',
        'Me',
        'Offers',
        'PhoneLease',
        'PlanOptions',
        'PurchaseOffer',
        'RemoveFavorite',
        'RequestAdditionalSubscriptions',
        'RequestPlanUpgrade',
        'UpdateStatus',
        'Usage',
      ].sort(),
    );
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  let t: Stack;
  beforeAll(async () => {
    t = await startStack({ config: { trustedDocuments: 'kit/__generated__/persisted-documents.json' } });
  });
  afterAll(() => t.close());

  const post = (body: unknown) =>
    t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const [dashboardId] =
    Object.entries(persisted).find(([, text]) => text.startsWith('query Dashboard')) ?? [];

  it('runs a kit document sent by id, by APQ hash, or as its text in any layout', async () => {
    const variables = { msisdn: t.upstream.demo.active.msisdn };
    for (const body of [
      { documentId: dashboardId, variables },
      {
        extensions: { persistedQuery: { version: 1, sha256Hash: dashboardId?.slice('sha256:'.length) } },
        variables,
      },
      { query: print(DashboardDocument), variables },
    ]) {
      const res = await post(body);
      const answer = (await res.json()) as { data?: { subscriber?: { msisdn: string } }; errors?: unknown };
      expect(res.status, JSON.stringify(answer)).toBe(200);
      expect(answer.data?.subscriber?.msisdn).toBe(variables.msisdn);
    }
  });

  it('refuses any other document, or an unknown id, before execution and any upstream call', async () => {
    await t.resetUpstreamCalls();
    for (const body of [
      { query: `{ subscriber(msisdn: "${t.upstream.demo.active.msisdn}") { status { code } } }` },
      { documentId: 'sha256:0000' },
      { query: `${print(DashboardDocument)} query Extra { me { msisdn } }`, operationName: 'Dashboard' },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        errors: [
          {
            message: 'Only the trusted documents of the frontend kit are accepted',
            extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' },
          },
        ],
      });
    }
    expect(await t.upstreamCalls()).toEqual({});
  });

  it('leaves the REST router, which runs its own operations, alone', async () => {
    const res = await t.fetch(
      `/v2/tigo/mobile/hn/billing/subscribers/${t.upstream.demo.active.msisdn}/status`,
    );
    expect(res.status).toBe(200);
  });
});
