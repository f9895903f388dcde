import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Offer, SuccessBody } from '../../src/contract/wire.ts';
import { MARKETS, OFFERS, price } from '../../src/sandbox/catalog.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(() => t.close());

const offers = async (msisdn: string, query?: Record<string, string>, country = 'hn') =>
  (await t.call<Offer[]>('GetAvailableOffersByMSISDN', { msisdn, query, country })).body;
const purchase = (msisdn: string, offerId: string) =>
  t.call<SuccessBody & ErrorBody>('PurchaseOfferbyMSISDNandOfferId', { msisdn, path: { offerId } });
const cancel = (msisdn: string, offerId: string) =>
  t.call<SuccessBody & ErrorBody>('DeleteOfferbyMSISDNandOfferId', { msisdn, path: { offerId } });
const owned = (msisdn: string) =>
  (
    t.sandbox.db
      .prepare('SELECT offer_id FROM acquired_offers WHERE msisdn = ? ORDER BY offer_id')
      .all(msisdn) as {
      offer_id: string;
    }[]
  ).map((r) => r.offer_id);

const idsFor = (channel: number) =>
  OFFERS.filter((o) => o.available && o.channels.includes(channel))
    .sort((a, b) => a.rank - b.rank)
    .map((o) => o.offerId);

describe('sandbox: offers', () => {
  it('lists the Self Care channel (4) by default, sorted by Rank, with acquisition methods', async () => {
    const list = await offers(t.demo.active.msisdn);
    expect(list.map((o) => o.OfferId)).toEqual(idsFor(4));
    expect(list.map((o) => o.Rank)).toEqual([...list.map((o) => o.Rank)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(list[0]?.AcquisitionMethodList?.length).toBeGreaterThan(0);
    expect(await offers(t.demo.active.msisdn, { channelId: '4' })).toEqual(list);
  });

  it('filters by channelId, and prices in the market currency', async () => {
    expect((await offers(t.demo.active.msisdn, { channelId: '2' })).map((o) => o.OfferId)).toEqual(idsFor(2));
    expect(idsFor(2)).not.toEqual(idsFor(4));
    expect(await offers(t.demo.active.msisdn, { channelId: '42' })).toEqual([]);
    const gt = MARKETS.find((m) => m.country === 'gt') as (typeof MARKETS)[number];
    const gtLine = plainLine(t.sandbox, 'gt');
    const first = (await offers(gtLine, undefined, 'gt'))[0];
    const seedOffer = OFFERS.find((o) => o.offerId === first?.OfferId);
    expect(first).toMatchObject({
      currencyId: 'GTQ',
      amount: price(seedOffer?.units ?? -1, gt),
    });
  });

  it.each(['0', '-1', 'four', '4.5'])('refuses channelId=%s with 400', async (channelId) => {
    const res = await t.call<ErrorBody>('GetAvailableOffersByMSISDN', {
      msisdn: t.demo.active.msisdn,
      query: { channelId },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/channelId/);
  });

  it('records a purchase with 201, refuses it twice, and removes it with 201', async () => {
    const msisdn = plainLine(t.sandbox, 'hn', 10);
    const before = owned(msisdn);
    const bought = await purchase(msisdn, '105');
    expect(bought.status).toBe(201);
    expect(bought.body.message).toMatch(/Mas Internet 2GB.*HNL/);
    expect(owned(msisdn)).toEqual([...before, '105'].sort());
    const twice = await purchase(msisdn, '105');
    expect(twice.status).toBe(403);
    expect(twice.body.message).toMatch(/already active/);
    expect(owned(msisdn)).toEqual([...before, '105'].sort());

    const removed = await cancel(msisdn, '105');
    expect(removed.status).toBe(201);
    expect(owned(msisdn)).toEqual(before);
    const again = await cancel(msisdn, '105');
    expect(again.status).toBe(404);
    expect(again.body.message).toMatch(/not active/);
  });

  it('refuses a purchase by a blocked line with 403', async () => {
    const msisdn = t.demo.blocked.msisdn;
    const res = await purchase(msisdn, '104');
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/blocked/);
    expect(owned(msisdn)).toEqual([]);
  });

  it('lets a line whose device alone is blocked buy', async () => {
    const msisdn = t.demo.deviceBlocked.msisdn;
    expect((await purchase(msisdn, '104')).status).toBe(201);
    expect(owned(msisdn)).toEqual(['104']);
  });

  it('refuses an unknown or retired offer with 404', async () => {
    const msisdn = plainLine(t.sandbox, 'hn', 11);
    const before = owned(msisdn);
    const unknown = await purchase(msisdn, '999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Offer 999 was not found/);
    const retired = await purchase(msisdn, '501');
    expect(retired.status).toBe(404);
    expect(retired.body.message).toMatch(/no longer available/);
    expect(owned(msisdn)).toEqual(before);
  });

  it('answers 404 for an unknown line on every offers operation', async () => {
    const msisdn = '50400000003';
    expect((await t.call('GetAvailableOffersByMSISDN', { msisdn })).status).toBe(404);
    expect((await purchase(msisdn, '104')).status).toBe(404);
    expect((await cancel(msisdn, '104')).status).toBe(404);
  });
});
