import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  UsageError,
  UsagePercentageDetail,
  UsagePercentageResponse,
  UsagePerHourDetail,
  UsagePerHourResponse,
} from '../../src/contract/wire.ts';
import { operationPath, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

const NOW = Date.parse('2026-11-26T15:20:00Z');
const HOUR = 3_600_000;

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox({ now: () => NOW });
});
afterAll(() => t.close());

const hourly = (msisdn: string, query?: Record<string, string>, country = 'hn') =>
  t.call<UsagePerHourResponse & UsageError>('GetDataUsageByMSISDNPerHourAndApp', { country, msisdn, query });
const percentage = (msisdn: string, query?: Record<string, string>, country = 'hn') =>
  t.call<UsagePercentageResponse & UsageError>('GetDataUsagePercentageByMSISDNPerApp', {
    country,
    msisdn,
    query,
  });

const details = <T>(body: { trafficDetails?: T[] }): T[] => {
  expect(Array.isArray(body.trafficDetails)).toBe(true);
  return body.trafficDetails as T[];
};
/** The distinct `YYYY-MM-DDTHH` of the records, in order. */
const hoursOf = (records: { date?: string; hour?: string }[]): string[] =>
  [...new Set(records.map((r) => `${r.date}T${r.hour}`))].sort();
/** `count` consecutive hours ending with the hour starting at `last`, as `YYYY-MM-DDTHH`. */
const hourRange = (last: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.parse(last) - (count - 1 - i) * HOUR).toISOString().slice(0, 13),
  );
/** "12.34" as 1234: percentages compared in whole hundredths. */
const hundredths = (percentage: string): number => {
  const [whole, cents] = percentage.split('.');
  return Number(whole) * 100 + Number(cents);
};
const sumBy = <T>(records: T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> => {
  const sums = new Map<string, number>();
  for (const r of records) sums.set(key(r), (sums.get(key(r)) ?? 0) + value(r));
  return sums;
};

const usageError = (statusCode: number, code: string) => ({
  statusCode,
  code,
  message: expect.any(String),
  developerMessage: expect.any(String),
});

describe('sandbox: hourly usage by app', () => {
  it('defaults to the last 24 completed hours', async () => {
    const { status, body } = await hourly(t.demo.active.msisdn);
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: '0', description: 'OK', lastUpdatedAt: '2026-11-26T15:00:00.000Z' });
    const records = details<UsagePerHourDetail>(body);
    expect(hoursOf(records)).toEqual(hourRange('2026-11-26T14:00:00Z', 24));
    expect(hoursOf(records).at(-1)).toBe('2026-11-26T14');
    expect(body.totalVolumeBytes).toBe(records.reduce((sum, r) => sum + (r.trafficVolumeBytes as number), 0));
    expect(body.totalVolumeBytes).toBeGreaterThan(0);
    for (const r of records) {
      expect(Number.isInteger(r.trafficVolumeBytes)).toBe(true);
      expect(r.appName).toEqual(expect.any(String));
    }
    // One record per hour and app.
    expect(new Set(records.map((r) => `${r.date}T${r.hour} ${r.appName}`)).size).toBe(records.length);
  });

  it('honours startDate and endDate', async () => {
    const { status, body } = await hourly(t.demo.active.msisdn, {
      startDate: '2026-11-26T10:00:00Z',
      endDate: '2026-11-26T13:00:00Z',
    });
    expect(status).toBe(200);
    const records = details<UsagePerHourDetail>(body);
    expect(hoursOf(records)).toEqual(['2026-11-26T10', '2026-11-26T11', '2026-11-26T12']);
    expect(body.totalVolumeBytes).toBe(records.reduce((sum, r) => sum + (r.trafficVolumeBytes as number), 0));

    // The same hours read the same inside a longer window.
    const day = details<UsagePerHourDetail>((await hourly(t.demo.active.msisdn)).body);
    expect(
      day.filter((r) => r.hour && r.date === '2026-11-26' && ['10', '11', '12'].includes(r.hour)),
    ).toEqual(records);
  });

  it('takes endDate alone as the end of a 24-hour window, and an offset date-time in UTC', async () => {
    const { body } = await hourly(t.demo.active.msisdn, { endDate: '2026-11-25T12:00:00Z' });
    expect(hoursOf(details(body))).toEqual(hourRange('2026-11-25T11:00:00Z', 24));
    const offset = await hourly(t.demo.active.msisdn, {
      startDate: '2026-11-26T04:00:00-06:00',
      endDate: '2026-11-26T07:00:00-06:00',
    });
    expect(hoursOf(details(offset.body))).toEqual(['2026-11-26T10', '2026-11-26T11', '2026-11-26T12']);
  });

  it('is deterministic, and differs from line to line', async () => {
    const first = await hourly(t.demo.active.msisdn);
    const second = await hourly(t.demo.active.msisdn);
    expect(second.body).toEqual(first.body);
    // Another line of the same usage tier: different numbers.
    const other = await hourly(t.demo.blocked.msisdn);
    expect(other.status).toBe(200);
    const bytes = (b: UsagePerHourResponse) =>
      details<UsagePerHourDetail>(b).map((r) => r.trafficVolumeBytes);
    expect(bytes(other.body)).not.toEqual(bytes(first.body));
    expect(other.body.totalVolumeBytes).not.toBe(first.body.totalVolumeBytes);
  });

  it('has no records for hours older than 30 days', async () => {
    const old = await hourly(t.demo.active.msisdn, {
      startDate: '2026-09-01T00:00:00Z',
      endDate: '2026-09-20T00:00:00Z',
    });
    expect(old.status).toBe(200);
    expect(old.body.trafficDetails).toEqual([]);
    expect(old.body.totalVolumeBytes).toBe(0);

    // A 31-day window reaches back past the history: it starts 30 days (720 hours) ago.
    const month = await hourly(t.demo.active.msisdn, {
      startDate: '2026-10-26T15:00:00Z',
      endDate: '2026-11-26T15:00:00Z',
    });
    expect(month.status).toBe(200);
    expect(hoursOf(details(month.body))).toEqual(hourRange('2026-11-26T14:00:00Z', 720));
  });

  it('carries byte counts above 2^31 as exact integers for the heavyUser line', async () => {
    const msisdn = t.demo.heavyUser.msisdn;
    const { status, body } = await hourly(msisdn);
    expect(status).toBe(200);
    const big = details<UsagePerHourDetail>(body).filter((r) => (r.trafficVolumeBytes as number) > 2 ** 31);
    expect(big.length).toBeGreaterThan(0);
    const raw = await t.request<string>(
      'GET',
      operationPath('GetDataUsageByMSISDNPerHourAndApp', { msisdn }),
    );
    const text = typeof raw.body === 'string' ? raw.body : JSON.stringify(raw.body);
    for (const r of big) {
      expect(Number.isSafeInteger(r.trafficVolumeBytes)).toBe(true);
      expect(text).toContain(`"trafficVolumeBytes":${BigInt(r.trafficVolumeBytes as number)}`);
    }
    expect(text).toContain(`"totalVolumeBytes":${BigInt(body.totalVolumeBytes as number)}`);
    expect(body.totalVolumeBytes).toBeGreaterThan(2 ** 32);
  });
});

describe('sandbox: usage percentage by app', () => {
  it('gives one record per hour and app with resolution HOUR, 100.00 per hour', async () => {
    const { status, body } = await percentage(t.demo.active.msisdn, { resolution: 'HOUR' });
    expect(status).toBe(200);
    expect(body.lastUpdatedAt).toBe('2026-11-26T15:00:00.000Z');
    const records = details<UsagePercentageDetail>(body);
    for (const r of records) expect(r.hour).toMatch(/^([01]\d|2[0-3])$/);
    expect(hoursOf(records)).toEqual(hourRange('2026-11-26T14:00:00Z', 24));
    const sums = sumBy(
      records,
      (r) => `${r.date}T${r.hour}`,
      (r) => hundredths(r.percentage as string),
    );
    expect(sums.size).toBe(24);
    for (const [hour, sum] of sums) expect(sum, `sum of ${hour}`).toBe(10_000);

    // The bytes are the hourly records', and each share matches them to the hundredth.
    const perHour = details<UsagePerHourDetail>((await hourly(t.demo.active.msisdn)).body);
    const key = (r: { date?: string; hour?: string; appName?: string }) => `${r.date}T${r.hour} ${r.appName}`;
    expect(new Map(records.map((r) => [key(r), r.trafficVolumeBytes]))).toEqual(
      new Map(perHour.map((r) => [key(r), r.trafficVolumeBytes])),
    );
    const totals = sumBy(
      records,
      (r) => `${r.date}T${r.hour}`,
      (r) => r.trafficVolumeBytes as number,
    );
    for (const r of records) {
      const exact = ((r.trafficVolumeBytes as number) * 100) / (totals.get(`${r.date}T${r.hour}`) as number);
      expect(Math.abs(Number(r.percentage) - exact)).toBeLessThanOrEqual(0.01);
    }
  });

  it('defaults to resolution HOUR', async () => {
    const byDefault = await percentage(t.demo.active.msisdn);
    const hour = await percentage(t.demo.active.msisdn, { resolution: 'HOUR' });
    expect(byDefault.status).toBe(200);
    expect(byDefault.body).toEqual(hour.body);
    for (const r of details<UsagePercentageDetail>(byDefault.body)) expect(r).toHaveProperty('hour');
  });

  it('gives one record per day and app with resolution DAY, 100.00 per day', async () => {
    const query = { startDate: '2026-11-23T06:00:00Z', endDate: '2026-11-26T12:00:00Z' };
    const { status, body } = await percentage(t.demo.active.msisdn, { ...query, resolution: 'DAY' });
    expect(status).toBe(200);
    const records = details<UsagePercentageDetail>(body);
    for (const r of records) expect(r).not.toHaveProperty('hour');
    expect(new Set(records.map((r) => `${r.date} ${r.appName}`)).size).toBe(records.length);
    const sums = sumBy(
      records,
      (r) => r.date as string,
      (r) => hundredths(r.percentage as string),
    );
    expect([...sums.keys()].sort()).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    for (const [date, sum] of sums) expect(sum, `sum of ${date}`).toBe(10_000);

    // A day's bytes per app are the sum of that app's hourly records that day.
    const perHour = details<UsagePerHourDetail>((await hourly(t.demo.active.msisdn, query)).body);
    const daily = sumBy(
      perHour,
      (r) => `${r.date} ${r.appName}`,
      (r) => r.trafficVolumeBytes as number,
    );
    expect(new Map(records.map((r) => [`${r.date} ${r.appName}`, r.trafficVolumeBytes]))).toEqual(daily);
  });

  it('has no records for hours older than 30 days', async () => {
    const { status, body } = await percentage(t.demo.active.msisdn, {
      startDate: '2026-09-01T00:00:00Z',
      endDate: '2026-09-03T00:00:00Z',
      resolution: 'DAY',
    });
    expect(status).toBe(200);
    expect(body.trafficDetails).toEqual([]);
  });
});

describe('sandbox: usage refusals', () => {
  it.each([
    ['a startDate that is not a date-time', { startDate: 'yesterday' }],
    ['a startDate with month 13', { startDate: '2026-13-01T00:00:00Z' }],
    ['an endDate without a time zone', { endDate: '2026-11-26T10:00:00' }],
    ['a reversed range', { startDate: '2026-11-26T10:00:00Z', endDate: '2026-11-25T10:00:00Z' }],
    ['a range over 31 days', { startDate: '2026-10-25T00:00:00Z', endDate: '2026-11-26T00:00:00Z' }],
    ['a startDate after now, without endDate', { startDate: '2026-11-27T00:00:00Z' }],
  ])('refuses %s with 400 and a UsageError body', async (_, query) => {
    const hour = await hourly(t.demo.active.msisdn, query);
    expect(hour.status).toBe(400);
    expect(hour.body).toEqual(usageError(400, 'INVALID_PARAMETERS'));
    const share = await percentage(t.demo.active.msisdn, query);
    expect(share.status).toBe(400);
    expect(share.body).toEqual(usageError(400, 'INVALID_PARAMETERS'));
  });

  it('accepts a range of exactly 31 days', async () => {
    const res = await hourly(t.demo.active.msisdn, {
      startDate: '2026-10-26T00:00:00Z',
      endDate: '2026-11-26T00:00:00Z',
    });
    expect(res.status).toBe(200);
  });

  it.each(['WEEK', 'hour', 'day', ''])(
    'refuses resolution=%j with 400 and a UsageError body',
    async (resolution) => {
      const res = await percentage(t.demo.active.msisdn, { resolution });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(usageError(400, 'INVALID_PARAMETERS'));
      expect(res.body.message).toMatch(/resolution/);
    },
  );

  it('answers 404 with a UsageError body for an unknown MSISDN and an unknown market', async () => {
    for (const res of [await hourly('50400000001'), await percentage('50400000001')]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(usageError(404, 'NOT_FOUND'));
      expect(res.body.message).toContain('50400000001');
    }
    for (const res of [
      await hourly(t.demo.active.msisdn, undefined, 'xx'),
      await percentage(t.demo.active.msisdn, undefined, 'xx'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(usageError(404, 'NOT_FOUND'));
      expect(res.body.message).toMatch(/Market xx/);
    }
    const otherMarket = await hourly(t.demo.active.msisdn, undefined, 'gt');
    expect(otherMarket.status).toBe(404);
  });

  it('refuses a MSISDN that is not E.164 digits with 400 and a UsageError body', async () => {
    const res = await hourly('5049988');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(usageError(400, 'INVALID_PARAMETERS'));
  });

  // Date-times the contract's check lets through but Date.parse does not read are taken as meant.
  it.each([
    [
      'an hour-only offset',
      { startDate: '2026-11-26T10:00:00+01', endDate: '2026-11-26T12:00:00Z' },
      ['2026-11-26T09', '2026-11-26T10', '2026-11-26T11'],
    ],
    [
      'a leap second',
      { startDate: '2026-11-25T23:59:60Z', endDate: '2026-11-26T03:00:00Z' },
      ['2026-11-26T00', '2026-11-26T01', '2026-11-26T02'],
    ],
  ])('honours or refuses a date-time with %s, never an empty 200', async (_, query, hours) => {
    const res = await hourly(t.demo.active.msisdn, query);
    if (res.status === 200) {
      expect(hoursOf(details(res.body)), 'the hours asked for').toEqual(hours);
    } else {
      expect(res.status).toBe(400);
      expect(res.body).toEqual(usageError(400, 'INVALID_PARAMETERS'));
    }
  });
});
