import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, PhoneLeaseInfo } from '../../src/contract/wire.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(() => t.close());

/** The Luhn check over all digits, the last one being the check digit. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const isDate = (value: unknown): boolean =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const lease = (msisdn: string, country = 'hn') =>
  t.call<PhoneLeaseInfo & ErrorBody>('GetPhoneLeaseDetailsbyMSISDN', { country, msisdn });

describe('sandbox: phone lease', () => {
  it('checks IMEIs with the Luhn algorithm (sanity of the test helper)', () => {
    expect(luhnValid('357975075748204')).toBe(true);
    expect(luhnValid('357975075748205')).toBe(false);
    expect(luhnValid('490154203237518')).toBe(true);
    expect(luhnValid('490154203237519')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });

  it('gives the active demo line a lease with dates and a Luhn-valid 15-digit IMEI', async () => {
    const { status, body } = await lease(t.demo.active.msisdn);
    expect(status).toBe(200);
    expect(isDate(body.lastBillingDate), `lastBillingDate ${body.lastBillingDate}`).toBe(true);
    expect(isDate(body.nextRenewalDate), `nextRenewalDate ${body.nextRenewalDate}`).toBe(true);
    expect(body.lastBillingDate < body.nextRenewalDate).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(body.lastBillingDate <= today).toBe(true);
    expect(body.nextRenewalDate > today).toBe(true);
    expect(body.imei).toMatch(/^\d{15}$/);
    expect(luhnValid(body.imei as string), `IMEI ${body.imei} passes Luhn`).toBe(true);
    expect(body).toMatchObject({
      clauseId: expect.stringMatching(/^\d+$/),
      typeClauseId: expect.stringMatching(/^(18M|24M)$/),
      gama: expect.any(String),
      brand: expect.any(String),
      model: expect.any(String),
      insurance: expect.stringMatching(/^(Si|No)$/),
      status: 'ACTIVE',
    });
  });

  it('answers what the leases table holds, for every line that has a lease', async () => {
    const rows = t.sandbox.db
      .prepare(
        "SELECT l.*, s.country FROM leases l JOIN subscribers s USING (msisdn) WHERE s.country IN ('hn', 'co') ORDER BY msisdn LIMIT 20",
      )
      .all() as unknown as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const { status, body } = await lease(row.msisdn as string, row.country);
      expect(status).toBe(200);
      expect(body).toEqual({
        clauseId: row.clause_id,
        lastBillingDate: row.last_billing_date,
        nextRenewalDate: row.next_renewal_date,
        typeClauseId: row.type_clause_id,
        imei: row.imei,
        gama: row.gama,
        brand: row.brand,
        model: row.model,
        insurance: row.insurance,
        status: row.status,
      });
    }
  });

  it('seeds only Luhn-valid 15-digit IMEIs and ordered dates', () => {
    const rows = t.sandbox.db
      .prepare('SELECT imei, last_billing_date, next_renewal_date FROM leases')
      .all() as unknown as { imei: string; last_billing_date: string; next_renewal_date: string }[];
    expect(rows.length).toBeGreaterThan(100);
    const bad = rows.filter(
      (r) =>
        !/^\d{15}$/.test(r.imei) ||
        !luhnValid(r.imei) ||
        !isDate(r.last_billing_date) ||
        !isDate(r.next_renewal_date) ||
        r.last_billing_date >= r.next_renewal_date,
    );
    expect(bad).toEqual([]);
  });

  it('gives about 70% of the lines a lease', () => {
    const share = t.sandbox.db.prepare('SELECT count(*) AS n FROM leases').get() as { n: number };
    expect(share.n / t.sandbox.subscribers).toBeGreaterThan(0.6);
    expect(share.n / t.sandbox.subscribers).toBeLessThan(0.8);
  });

  it('answers 404 with an ErrorBody for the noLease demo line', async () => {
    const { status, body } = await lease(t.demo.noLease.msisdn);
    expect(status).toBe(404);
    expect(body).toEqual({ code: 404, message: expect.stringContaining(t.demo.noLease.msisdn) });
  });

  it('answers 404 for an unknown MSISDN, a line of another market and an unknown market', async () => {
    const unknown = await lease('50400000001');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 404, message: expect.stringContaining('50400000001') });
    expect((await lease(t.demo.active.msisdn, 'gt')).status).toBe(404);
    const market = await lease(t.demo.active.msisdn, 'xx');
    expect(market.status).toBe(404);
    expect(market.body.message).toMatch(/Market xx/);
  });

  it('refuses a MSISDN that is not E.164 digits with 400', async () => {
    const res = await lease('5049988');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(400);
  });

  it('answers a line without a lease with 404 and a line with one with 200, as the table says', async () => {
    const line = plainLine(t.sandbox, 'gt', 0);
    const has = t.sandbox.db.prepare('SELECT 1 AS one FROM leases WHERE msisdn = ?').get(line) !== undefined;
    expect((await lease(line, 'gt')).status).toBe(has ? 200 : 404);
  });
});
