// The body depth check counts brackets without parsing; the parsed value's own nesting is its oracle,
// over generated JSON (brackets inside strings included) and limits around each value's depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from '../../src/http/json.ts';

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object'
    ? 1 + Math.max(0, ...Object.values(value as Record<string, unknown>).map(depthOf))
    : 0;

describe('jsonDepthExceeds', () => {
  it('says whether the JSON text nests deeper than the limit', () => {
    const bracketed = fc.string({ unit: fc.constantFrom('{', '[', '}', ']', '"', '\\', 'a') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'large' },
        fc.jsonValue({ maxDepth: 2 }),
        bracketed,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(bracketed, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.integer({ min: -2, max: 2 }), (json, shift) => {
        const depth = depthOf(json);
        const max = Math.max(0, depth + shift);
        expect(jsonDepthExceeds(JSON.stringify(json), max)).toBe(depth > max);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the depth past many shallow brackets and past brackets inside strings', () => {
    const wide = JSON.stringify({ a: Array.from({ length: 100 }, () => ({})), s: '[[[[[[[[' });
    expect(jsonDepthExceeds(wide, 3)).toBe(false);
    expect(jsonDepthExceeds(wide, 2)).toBe(true);
    expect(jsonDepthExceeds(`${'['.repeat(40)}${']'.repeat(40)}`, 32)).toBe(true);
  });
});
