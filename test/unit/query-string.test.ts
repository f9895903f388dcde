// The upstream query string is built without an encoder when it can be: it must be the text
// URLSearchParams writes (the exchange and the HTTP cache's keys both use it), for any query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryString } from '../../src/upstream/client.ts';

function byUrlSearchParams(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, value === null ? '' : String(value));
  }
  return params.toString();
}

describe('queryString', () => {
  it('writes what URLSearchParams writes', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[\w.*-]{0,12}$/),
      fc.constantFrom('DAY', '2026-12-04'),
    );
    const value = fc.oneof(text, fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 4 }), (query) => {
        expect(queryString(query)).toBe(byUrlSearchParams(query));
      }),
      { numRuns: 3000 },
    );
    expect(queryString({ resolution: 'DAY', startDate: '2026-12-01' })).toBe(
      'resolution=DAY&startDate=2026-12-01',
    );
    expect(queryString({ q: 'a b&c' })).toBe('q=a+b%26c');
  });
});
