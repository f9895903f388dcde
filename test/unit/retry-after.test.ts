// A 429 pauses one operation for its Retry-After: no call meanwhile, the circuit neither opened
// nor closed by it, and a trial call answered 429 does not leave the circuit stuck half-open.
import { describe, expect, it } from 'vitest';
import { Breakers, HeldOff, retryAfterMs } from '../../src/upstream/resilience.ts';

const OP = 'GetStatusOfSubscriberByMSISDN';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-04T06:00:00Z');
  it.each([
    ['30', 30_000],
    [' 2 ', 2_000],
    ['Fri, 04 Dec 2026 06:00:10 GMT', 10_000],
    ['Fri, 04 Dec 2026 05:00:00 GMT', 0],
    ['86400', 300_000],
    [undefined, 1_000],
    ['soon', 1_000],
  ])('%j is %i ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
});

describe('Breakers.holdOff', () => {
  it('refuses calls of that operation until Retry-After has passed, and only that operation', () => {
    let now = 0;
    const breakers = new Breakers({ failures: 3, cooldownMs: 1000, now: () => now });
    breakers.holdOff(OP, '5');
    expect(() => breakers.admit(OP)).toThrow(HeldOff);
    try {
      breakers.admit(OP);
    } catch (error) {
      expect(error).toMatchObject({ status: 429, retryAfter: 5 });
    }
    expect(() => breakers.admit('GetCurrentPlanDetailsbyMSISDN')).not.toThrow();
    now = 5000;
    expect(() => breakers.admit(OP)).not.toThrow();
    expect(breakers.state(OP)).toBe('closed');
  });

  it('frees a half-open trial that was answered 429', () => {
    let now = 0;
    const breakers = new Breakers({ failures: 1, cooldownMs: 1000, now: () => now });
    breakers.failure(OP);
    now = 1000;
    breakers.admit(OP); // the trial
    breakers.holdOff(OP, '1');
    expect(breakers.state(OP)).toBe('half-open');
    now = 2000;
    expect(() => breakers.admit(OP)).not.toThrow();
  });
});
