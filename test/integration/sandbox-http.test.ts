import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/contract/openapi.ts';
import type { ErrorBody, UsageError } from '../../src/contract/wire.ts';
import { operationPath, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox({ subscribers: 20 });
});
afterAll(() => t.close());

const UNKNOWN = '50400000009';

describe('sandbox: HTTP surface', () => {
  it('serves all 18 operations of the contract', () => {
    expect(operations).toHaveLength(18);
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s answers with and without the trailing slash',
    async (operationId, op) => {
      const path = operationPath(operationId, { msisdn: UNKNOWN, path: { offerId: '104' } });
      const withSlash = path.endsWith('/') ? path : `${path}/`;
      const without = path.replace(/\/$/, '');
      const init = { method: op.method.toUpperCase(), headers: { 'content-type': 'application/json' } };
      // A write gets an empty object: it must reach body validation (400), proving the route matched.
      const body = op.validateBody ? '{}' : undefined;
      const a = await t.request<ErrorBody & UsageError>(init.method, withSlash, { ...init, body });
      const b = await t.request<ErrorBody & UsageError>(init.method, without, { ...init, body });
      expect(a.status).toBe(op.validateBody ? 400 : 404);
      expect(b.status).toBe(a.status);
      expect(b.body).toEqual(a.body);
      expect(a.body.message).not.toMatch(/No operation/);
    },
  );

  it('answers 405 with Allow for a method the path does not have', async () => {
    const path = operationPath('GetStatusOfSubscriberByMSISDN', { msisdn: UNKNOWN });
    const res = await t.request<ErrorBody>('PATCH', path);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PUT');
    expect(res.body).toEqual({ code: 405, message: expect.stringMatching(/PATCH/) });
    const usage = await t.request<UsageError>(
      'POST',
      operationPath('GetDataUsageByMSISDNPerHourAndApp', { msisdn: UNKNOWN }),
    );
    expect(usage.status).toBe(405);
    expect(usage.body).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED' });
  });

  it('answers 404 with errorBody for paths outside the contract', async () => {
    for (const path of [
      '/',
      '/v2/tigo/mobile/hn',
      '/v2/tigo/mobile/hn/billing/subscribers',
      '/v1/tigo/mobile/hn/x',
    ]) {
      const res = await t.request<ErrorBody>('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe(404);
    }
  });

  it('refuses a body over 64 KiB with 413 and a non-JSON body with 415', async () => {
    const path = operationPath('AddFavoriteNumberByMSISDN', { msisdn: t.demo.active.msisdn });
    const huge = JSON.stringify({ PhoneNumber: '50411112222', Label: 'x'.repeat(70_000) });
    const big = await t.request<ErrorBody>('POST', path, {
      body: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    const form = await t.request<ErrorBody>('POST', path, {
      body: 'PhoneNumber=50411112222',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const favorites = await t.call<unknown[]>('GetFavoriteNumbersByMSISDN', { msisdn: t.demo.active.msisdn });
    expect(favorites.body).toHaveLength(2);
  });

  it('refuses a malformed percent-encoding in the path with 400', async () => {
    const res = await t.request<ErrorBody>('GET', '/v2/tigo/mobile/hn/billing/subscribers/%E0%A4%A/status');
    expect(res.status).toBe(400);
  });
});
