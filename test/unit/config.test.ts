import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('has working defaults with an empty environment', () => {
    expect(loadConfig({}).sandbox).toEqual({
      port: 4010,
      db: ':memory:',
      subscribers: 1000,
      latencyMs: 0,
      jitterMs: 0,
      errorRate: 0,
    });
  });

  it('reads every sandbox setting', () => {
    const config = loadConfig({
      SANDBOX_PORT: '5010',
      SANDBOX_DB: '/tmp/x.db',
      SANDBOX_SUBSCRIBERS: '1_000_000',
      SANDBOX_LATENCY_MS: '10',
      SANDBOX_JITTER_MS: '3',
      SANDBOX_ERROR_RATE: '0.25',
    });
    expect(config.sandbox).toEqual({
      port: 5010,
      db: '/tmp/x.db',
      subscribers: 1_000_000,
      latencyMs: 10,
      jitterMs: 3,
      errorRate: 0.25,
    });
  });

  it('names every bad setting at once', () => {
    const bad = {
      SANDBOX_PORT: 'http',
      SANDBOX_SUBSCRIBERS: '0',
      SANDBOX_ERROR_RATE: '5',
      SANDBOX_LATENCY_MS: '1.5',
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/SANDBOX_PORT=http/);
      expect(problems.join('\n')).toMatch(/SANDBOX_SUBSCRIBERS=0/);
      expect(problems.join('\n')).toMatch(/SANDBOX_ERROR_RATE=5/);
      expect(problems.join('\n')).toMatch(/SANDBOX_LATENCY_MS=1.5/);
    }
  });

  it('reads the request timeouts, and refuses a header timeout above the request timeout', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '5000' }).gateway).toMatchObject({
      requestTimeoutMs: 5000,
      headersTimeoutMs: 5000,
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      /HEADERS_TIMEOUT_MS must not be above REQUEST_TIMEOUT_MS/,
    );
  });
});
