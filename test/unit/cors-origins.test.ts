// CORS_ORIGINS: the syntax of src/config.ts (exact origins, `*` as leftmost labels or port, /regex/),
// which origins each entry lets in, and a clear message for an entry that is none of them.
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_ORIGINS, loadConfig } from '../../src/config.ts';

const allows = (patterns: RegExp[], origin: string) => patterns.some((pattern) => pattern.test(origin));
const parse = (raw: string) => loadConfig({ CORS_ORIGINS: raw }).gateway.corsOrigins ?? [];

describe('CORS_ORIGINS', () => {
  it('is unset by default: the gateway then allows local origins and the hosted Apollo Sandbox outside production only', () => {
    expect(loadConfig({}).gateway.corsOrigins).toBeNull();
    for (const origin of [
      'http://localhost:5173',
      'http://localhost',
      'https://127.0.0.1:8443',
      'http://[::1]:3000',
    ])
      expect(allows(DEVELOPMENT_ORIGINS, origin), origin).toBe(true);
    for (const origin of [
      'http://localhost.evil.example',
      'http://127.0.0.1.evil.example:80',
      'https://example.com',
    ])
      expect(allows(DEVELOPMENT_ORIGINS, origin), origin).toBe(false);
  });

  it('matches exact origins as browsers serialize them (lower case, no default port)', () => {
    const patterns = parse('https://App.Example.com:443, http://intranet.test:8080');
    expect(allows(patterns, 'https://app.example.com')).toBe(true);
    expect(allows(patterns, 'http://intranet.test:8080')).toBe(true);
    for (const origin of [
      'http://app.example.com',
      'https://app.example.com.evil.example',
      'http://intranet.test',
    ])
      expect(allows(patterns, origin), origin).toBe(false);
  });

  it('reads * as one or more leftmost labels, or as any port', () => {
    const patterns = parse('https://*.example.com,http://dev.test:*');
    for (const origin of [
      'https://a.example.com',
      'https://a.b.example.com',
      'http://dev.test',
      'http://dev.test:5173',
    ])
      expect(allows(patterns, origin), origin).toBe(true);
    for (const origin of ['https://example.com', 'https://evilexample.com', 'http://a.dev.test:5173'])
      expect(allows(patterns, origin), origin).toBe(false);
  });

  it('reads /regex/ as a pattern of the whole origin, commas inside it included', () => {
    const patterns = parse('/https:\\/\\/pr-\\d{1,4}\\.review\\.example\\.net/, https://app.example.com');
    expect(patterns).toHaveLength(2);
    expect(allows(patterns, 'https://pr-42.review.example.net')).toBe(true);
    expect(allows(patterns, 'https://pr-42.review.example.net.evil.example')).toBe(false);
    expect(allows(patterns, 'https://x.https://pr-42.review.example.net')).toBe(false);
  });

  it('refuses what is not an origin, with one message per bad value', () => {
    for (const raw of [
      '*',
      'https://app*.example.com',
      'https://app.example.com/path',
      'ftp://files.example',
      'a b',
      '/(/',
    ])
      expect(() => loadConfig({ CORS_ORIGINS: raw }), raw).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS=\*: \* is not an origin/);
  });
});
