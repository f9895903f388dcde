import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Status } from '../../src/contract/wire.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(() => t.close());

describe('sandbox: subscriber status', () => {
  it('reports an active line as SIM_IMEI Active', async () => {
    const { status, body } = await t.call<Status>('GetStatusOfSubscriberByMSISDN', {
      msisdn: t.demo.active.msisdn,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 'Active', assetType: 'SIM_IMEI' });
  });

  it('reports the blocked asset of the demo lines', async () => {
    const blocked = await t.call<Status>('GetStatusOfSubscriberByMSISDN', { msisdn: t.demo.blocked.msisdn });
    expect(blocked.body).toMatchObject({ code: 'Blocked', assetType: 'SIM_IMEI' });
    const device = await t.call<Status>('GetStatusOfSubscriberByMSISDN', {
      msisdn: t.demo.deviceBlocked.msisdn,
    });
    expect(device.body).toMatchObject({ code: 'Blocked', assetType: 'IMEI' });
  });

  it('blocks and unblocks each asset, and GET shows every change', async () => {
    const msisdn = plainLine(t.sandbox);
    const put = (code: string, assetType: string, updateReason?: string) =>
      t.call<Status>('UpdateStatusOfSubscriberByMSISDN', { msisdn, body: { code, assetType, updateReason } });
    const get = async () => (await t.call<Status>('GetStatusOfSubscriberByMSISDN', { msisdn })).body;

    const blockSim = await put('Blocked', 'SIM', 'SIM perdida');
    expect(blockSim.status).toBe(200);
    expect(blockSim.body).toMatchObject({ code: 'Blocked', assetType: 'SIM' });
    expect(blockSim.body.description).toContain('SIM perdida');
    expect(await get()).toEqual(blockSim.body);

    expect((await put('Blocked', 'IMEI')).body).toMatchObject({ code: 'Blocked', assetType: 'SIM_IMEI' });
    expect((await put('Active', 'SIM')).body).toMatchObject({ code: 'Blocked', assetType: 'IMEI' });
    expect((await put('Active', 'SIM_IMEI')).body).toMatchObject({ code: 'Active', assetType: 'SIM_IMEI' });
    expect(await get()).toMatchObject({ code: 'Active', assetType: 'SIM_IMEI' });
  });

  it.each([
    ['an unknown code', { code: 'Suspended', assetType: 'SIM' }],
    ['an unknown assetType', { code: 'Blocked', assetType: 'ESIM' }],
    ['a missing assetType', { code: 'Blocked' }],
    ['a body that is not an object', ['Blocked', 'SIM']],
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const msisdn = plainLine(t.sandbox, 'hn', 1);
    const before = await t.call<Status>('GetStatusOfSubscriberByMSISDN', { msisdn });
    const res = await t.call<ErrorBody>('UpdateStatusOfSubscriberByMSISDN', { msisdn, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(400);
    expect(res.body.message).toMatch(/Invalid request body/);
    expect((await t.call('GetStatusOfSubscriberByMSISDN', { msisdn })).body).toEqual(before.body);
  });

  it('refuses malformed JSON and a missing body with 400', async () => {
    const msisdn = plainLine(t.sandbox, 'hn', 1);
    const malformed = await t.call<ErrorBody>('UpdateStatusOfSubscriberByMSISDN', {
      msisdn,
      rawBody: '{"code": "Blocked",',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/not valid JSON/);
    const missing = await t.call<ErrorBody>('UpdateStatusOfSubscriberByMSISDN', { msisdn });
    expect(missing.status).toBe(400);
    expect((await t.call<Status>('GetStatusOfSubscriberByMSISDN', { msisdn })).body.code).toBe('Active');
  });

  it('answers 404 for an unknown MSISDN, a line of another market and an unknown market', async () => {
    const unknown = await t.call<ErrorBody>('GetStatusOfSubscriberByMSISDN', { msisdn: '50400000001' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 404, message: expect.stringContaining('50400000001') });
    const otherMarket = await t.call('GetStatusOfSubscriberByMSISDN', {
      country: 'gt',
      msisdn: t.demo.active.msisdn,
    });
    expect(otherMarket.status).toBe(404);
    const market = await t.call<ErrorBody>('GetStatusOfSubscriberByMSISDN', {
      country: 'xx',
      msisdn: t.demo.active.msisdn,
    });
    expect(market.status).toBe(404);
    expect(market.body.message).toMatch(/Market xx/);
    const put = await t.call('UpdateStatusOfSubscriberByMSISDN', {
      msisdn: '50400000001',
      body: { code: 'Blocked', assetType: 'SIM' },
    });
    expect(put.status).toBe(404);
  });

  it('refuses a MSISDN that is not E.164 digits with 400', async () => {
    const res = await t.call<ErrorBody>('GetStatusOfSubscriberByMSISDN', { msisdn: '+504 9988-7766' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/MSISDN/);
  });
});
