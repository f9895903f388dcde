import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../../src/auth/cache.ts';
import type { Principal } from '../../src/auth/principal.ts';

const who: Principal = {
  subject: 'subscriber:50491234567',
  msisdn: '50491234567',
  country: 'hn',
  agent: false,
};

describe('verified tokens', () => {
  it('remembers a token until it expires, never past it', () => {
    const tokens = new VerifiedTokens();
    const now = 1_000_000_000_000;
    tokens.set('t', who, now / 1000 + 60, now);
    expect(tokens.get('t', now + 59_000)).toBe(who);
    expect(tokens.get('t', now + 60_000)).toBeUndefined();
  });

  it('remembers five minutes at most, and nothing already expired', () => {
    const tokens = new VerifiedTokens();
    const now = 1_000_000_000_000;
    tokens.set('long', who, now / 1000 + 86_400, now);
    expect(tokens.get('long', now + 299_000)).toBe(who);
    expect(tokens.get('long', now + 300_000)).toBeUndefined();
    tokens.set('old', who, now / 1000 - 1, now);
    expect(tokens.get('old', now)).toBeUndefined();
  });

  it('keeps at most 10,000 tokens, forgetting the oldest', () => {
    const tokens = new VerifiedTokens();
    const now = 1_000_000_000_000;
    for (let i = 0; i <= 10_000; i++) tokens.set(`t${i}`, who, undefined, now);
    expect(tokens.get('t0', now)).toBeUndefined();
    expect(tokens.get('t10000', now)).toBe(who);
  });
});
