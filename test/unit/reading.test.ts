// readDate reads dates by hand (it runs for every date of every answer); JavaScript's own Date is the
// oracle it must agree with, over generated dates, date-times and near-misses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate, readDateTime } from '../../src/graphql/reading.ts';

/** What readDate answered before it was written by hand: a Date per call, and its ISO text compared. */
function byDate(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  if (!m) return null;
  const day = m[0];
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const dateLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    twoDigits,
    twoDigits,
    fc.constantFrom('', 'T10:00:00Z', ' 23:59', 'T00:00:00.000-06:00', 'x', '  '),
    fc.constantFrom('', ' ', '\t'),
    fc.nat(12),
    fc.constantFrom('', 'a', '/', '٣'),
  )
  // Now and then one character of the date is replaced: a letter, a slash, a digit of another script.
  .map(([y, m, d, rest, pad, at, other]) => {
    const date = `${y}-${m}-${d}`;
    const spoilt = other && at < 10 ? `${date.slice(0, at)}${other}${date.slice(at + 1)}` : date;
    return `${pad}${spoilt}${rest}`;
  });

describe('readDate', () => {
  it('agrees with Date on generated dates, date-times and impossible days', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string(), fc.integer(), fc.constant(null)), (value) => {
        expect(readDate(value)).toBe(byDate(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows leap years as the Gregorian calendar has them', () => {
    expect(readDate('2024-02-29')).toBe('2024-02-29');
    expect(readDate('2000-02-29')).toBe('2000-02-29');
    expect(readDate('1900-02-29')).toBeNull();
    expect(readDate('2026-02-29')).toBeNull();
    expect(readDate('2026-04-31')).toBeNull();
    expect(readDate('2026-13-01')).toBeNull();
    expect(readDate('2026-12-00')).toBeNull();
    expect(readDate('2026-1-01')).toBeNull();
    expect(readDate('2a26-01-01')).toBeNull();
    expect(readDate('2026-01-0x')).toBeNull();
  });
});

describe('readDateTime', () => {
  it('reads an offset-less time in its market zone, the same formatter serving every call', () => {
    // Honduras keeps UTC-6 all year.
    expect(readDateTime('2026-12-04 07:30', 'hn')).toBe('2026-12-04T07:30:00-06:00');
    expect(readDateTime('2026-12-04T07:30:00', 'HN')).toBe('2026-12-04T07:30:00-06:00');
    expect(readDateTime('2026-02-30T07:30:00', 'hn')).toBeNull();
    expect(readDateTime('2026-12-04T07:30:00Z', undefined)).toBe('2026-12-04T07:30:00Z');
  });
});
