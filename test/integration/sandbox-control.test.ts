import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, UsageError } from '../../src/contract/wire.ts';
import { operationPath, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox({ subscribers: 60 });
});
afterAll(() => t.close());
afterEach(async () => {
  await t.request('DELETE', '/__sandbox/faults');
});

const setFaults = (settings: unknown) =>
  t.request<ErrorBody>('PUT', '/__sandbox/faults', {
    body: JSON.stringify(settings),
    headers: { 'content-type': 'application/json' },
  });

describe('sandbox: control surface', () => {
  it('lists the demo lines by case', async () => {
    const res = await t.request<Record<string, { msisdn: string; country: string }>>(
      'GET',
      '/__sandbox/demo',
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'active',
        'blocked',
        'deviceBlocked',
        'favoritesFull',
        'heavyUser',
        'noLease',
        'pendingUpgrade',
      ].sort(),
    );
    expect(res.body.active).toEqual({ msisdn: t.demo.active.msisdn, country: 'hn' });
  });

  it('counts calls per operation, errors included, and resets on DELETE', async () => {
    expect((await t.request('DELETE', '/__sandbox/stats')).status).toBe(204);
    const msisdn = t.demo.active.msisdn;
    await t.call('GetStatusOfSubscriberByMSISDN', { msisdn });
    await t.call('GetStatusOfSubscriberByMSISDN', { msisdn: '50400000009' });
    await t.call('GetCurrentPlanDetailsbyMSISDN', { msisdn });
    await t.request('GET', '/v2/tigo/mobile/hn/nothing-here');
    const stats = await t.request<{ total: number; operations: Record<string, number> }>(
      'GET',
      '/__sandbox/stats',
    );
    expect(stats.body).toEqual({
      total: 3,
      operations: { GetStatusOfSubscriberByMSISDN: 2, GetCurrentPlanDetailsbyMSISDN: 1 },
    });
    await t.request('DELETE', '/__sandbox/stats');
    expect((await t.request('GET', '/__sandbox/stats')).body).toEqual({ total: 0, operations: {} });
  });

  it('lists the recent calls with the correlation id each carried', async () => {
    await t.request('DELETE', '/__sandbox/stats');
    const msisdn = t.demo.active.msisdn;
    await t.call('GetStatusOfSubscriberByMSISDN', { msisdn, headers: { 'x-correlation-id': 'abc-123' } });
    await t.call('GetFavoriteNumbersByMSISDN', { msisdn });
    const recent = await t.request('GET', '/__sandbox/requests');
    expect(recent.body).toEqual([
      { operationId: 'GetStatusOfSubscriberByMSISDN', correlationId: 'abc-123' },
      { operationId: 'GetFavoriteNumbersByMSISDN', correlationId: null },
    ]);
  });

  it('fails exactly the configured share of calls, for the named operation only, with its error body', async () => {
    expect(
      (await setFaults({ operations: { GetStatusOfSubscriberByMSISDN: { errorRate: 0.5 } } })).status,
    ).toBe(200);
    const msisdn = t.demo.active.msisdn;
    const answers: { status: number; body: unknown }[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(await t.call<ErrorBody>('GetStatusOfSubscriberByMSISDN', { msisdn }));
    expect(answers.map((a) => a.status)).toEqual([200, 500, 200, 500, 200, 500]);
    expect(answers[1]?.body).toEqual({
      code: 500,
      message: 'Injected fault in GetStatusOfSubscriberByMSISDN',
    });
    expect((await t.call('GetCurrentPlanDetailsbyMSISDN', { msisdn })).status).toBe(200);
  });

  it('answers injected failures of usage operations with the usage error body', async () => {
    await setFaults({ errorRate: 1 });
    const res = await t.call<UsageError>('GetDataUsageByMSISDNPerHourAndApp', {
      msisdn: t.demo.active.msisdn,
    });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
  });

  it('can answer garbage or reset the connection', async () => {
    const path = operationPath('GetStatusOfSubscriberByMSISDN', { msisdn: t.demo.active.msisdn });
    await setFaults({ errorRate: 1, kind: 'garbage' });
    const garbage = await t.request<string>('GET', path);
    expect(garbage.status).toBe(200);
    expect(() => JSON.parse(garbage.body)).toThrow();
    await setFaults({ errorRate: 1, kind: 'reset' });
    await expect(t.request('GET', path)).rejects.toThrow();
  });

  it('adds the configured latency before answering', async () => {
    await setFaults({ operations: { GetPhoneLeaseDetailsbyMSISDN: { latencyMs: 150 } } });
    const started = performance.now();
    const res = await t.call('GetPhoneLeaseDetailsbyMSISDN', { msisdn: t.demo.active.msisdn });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    const faults = await t.request<{ operations: Record<string, unknown> }>('GET', '/__sandbox/faults');
    expect(faults.body.operations).toEqual({ GetPhoneLeaseDetailsbyMSISDN: { latencyMs: 150 } });
  });

  it.each([
    [{ errorRate: 2 }, /errorRate/],
    [{ latencyMs: -5 }, /latencyMs/],
    [{ kind: 'explode' }, /kind/],
    [{ operations: { NoSuchOperation: { errorRate: 1 } } }, /NoSuchOperation/],
    [{ latency: 10 }, /latency is not a fault setting/],
  ])('refuses fault settings %j with 400 and keeps the old ones', async (settings, message) => {
    await setFaults({ latencyMs: 1 });
    const res = await setFaults(settings);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    const current = await t.request<{ latencyMs: number }>('GET', '/__sandbox/faults');
    expect(current.body.latencyMs).toBe(1);
  });

  it('takes start-up defaults, which DELETE restores', async () => {
    const failing = await startSandbox({ subscribers: 10, faults: { errorRate: 1 } });
    try {
      const msisdn = failing.demo.active.msisdn;
      expect((await failing.call('GetStatusOfSubscriberByMSISDN', { msisdn })).status).toBe(500);
      await failing.request('PUT', '/__sandbox/faults', {
        body: '{"errorRate": 0}',
        headers: { 'content-type': 'application/json' },
      });
      expect((await failing.call('GetStatusOfSubscriberByMSISDN', { msisdn })).status).toBe(200);
      await failing.request('DELETE', '/__sandbox/faults');
      expect((await failing.call('GetStatusOfSubscriberByMSISDN', { msisdn })).status).toBe(500);
    } finally {
      await failing.close();
    }
  });
});
